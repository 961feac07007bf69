package cn.linli.access.internal.crypto;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The key-rotation command: {@code java -jar linli.jar --linli.protection.re-encrypt=true
 * --spring.main.web-application-type=none} (with the same database and key settings as the instances, the new
 * current version included) re-encrypts every value that needs it, prints the counts and exits (status 0). The
 * running instances need no stop: they read both key versions.
 */
@Component
@ConditionalOnProperty("linli.protection.re-encrypt")
class ReEncryptionCommand implements ApplicationRunner {

    private final ReEncryption reEncryption;
    private final ConfigurableApplicationContext context;

    ReEncryptionCommand(ReEncryption reEncryption, ConfigurableApplicationContext context) {
        this.reEncryption = reEncryption;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        reEncryption.run().forEach((column, count) -> System.out.println("re-encrypted " + column + ": " + count));
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
