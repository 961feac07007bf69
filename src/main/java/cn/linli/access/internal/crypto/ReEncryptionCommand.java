package cn.linli.access.internal.crypto;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The key-rotation command: {@code java -jar linli.jar --linli.protection.re-encrypt=true --server.port=0} (a
 * whole application on a free port, since security needs the web context; with the same database and key settings
 * as the instances, the new
 * current version included) re-encrypts every value that needs it, prints the counts and exits (status 0). The
 * running instances need no stop: they read both key versions. It runs last when the application is ready, after
 * whatever else a start writes (the demo city on a demo installation).
 */
@Component
@ConditionalOnProperty("linli.protection.re-encrypt")
class ReEncryptionCommand {

    private final ReEncryption reEncryption;
    private final ConfigurableApplicationContext context;

    ReEncryptionCommand(ReEncryption reEncryption, ConfigurableApplicationContext context) {
        this.reEncryption = reEncryption;
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void run() {
        reEncryption.run().forEach((column, count) -> System.out.println("re-encrypted " + column + ": " + count));
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
