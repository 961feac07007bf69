package cn.linli.access.internal.audit;

import java.util.function.IntConsumer;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.linli.access.AuditActions;
import cn.linli.access.AuditLog;

/**
 * {@code java -jar linli.jar --linli.audit.verify}: checks the audit chain, prints the outcome and ends the process
 * with exit code 0 when the chain is intact and 1 at the first broken record, for an operator's shell or a cron job.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "linli.audit.verify")
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditChain chain;
    private final AuditLog audit;
    private final ApplicationContext context;
    private final IntConsumer exit;
    private int exitCode;

    AuditVerifyCommand(AuditChain chain, AuditLog audit, ApplicationContext context) {
        this(chain, audit, context, System::exit);
    }

    AuditVerifyCommand(AuditChain chain, AuditLog audit, ApplicationContext context, IntConsumer exit) {
        this.chain = chain;
        this.audit = audit;
        this.context = context;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        ChainCheck check = chain.check();
        audit.record(AuditActions.AUDIT_CHAIN_CHECKED, "access_audit", check.describe());
        System.out.println(check.describe());
        exitCode = check.intact() ? 0 : 1;
        exit.accept(SpringApplication.exit(context, this));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
