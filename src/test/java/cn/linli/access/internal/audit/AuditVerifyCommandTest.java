package cn.linli.access.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.support.GenericApplicationContext;

import cn.linli.access.EmbeddedAccess;

/** {@code --linli.audit.verify}: prints the outcome and ends with 0 for an intact chain, 1 at a broken record. */
class AuditVerifyCommandTest {

    @Test
    void exitsWithZeroWhenIntactAndOneAtTheFirstBrokenRecord() {
        EmbeddedAccess access = EmbeddedAccess.start();
        for (int i = 0; i < 3; i++) {
            access.audit.recordAs("yongan", "TEST", "record " + i, null);
        }
        assertThat(run(access)).startsWith("0 audit chain intact: 3 records checked");

        long second = access.jdbc.sql("select id from access_audit where chain_position = 2").query(Long.class).single();
        access.jdbc.sql("update access_audit set actor = 'someone else' where id = ?").param(second).update();
        assertThat(run(access)).startsWith("1 audit chain BROKEN after 1 good records: record id " + second + ", CONTENT_CHANGED");
    }

    private static String run(EmbeddedAccess access) {
        var context = new GenericApplicationContext();
        context.refresh();
        var exitCode = new AtomicInteger(-1);
        var printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            new AuditVerifyCommand(access.chain, access.audit, context, exitCode::set).run(new DefaultApplicationArguments());
        } finally {
            System.setOut(console);
        }
        return exitCode.get() + " " + printed.toString(StandardCharsets.UTF_8).strip();
    }
}
