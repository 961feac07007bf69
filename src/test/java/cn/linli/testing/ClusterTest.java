package cn.linli.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that starts Linli instances of its own (child JVMs, a private nginx, a TCP proxy in front of the database,
 * file systems mounted for it) instead of using the shared test context. It runs in one pass of the integration tests
 * only, the one of the database it is about; like the other tests it is skipped on a developer's machine without
 * PostgreSQL, nginx or the right to mount a file system (when it needs them) and fails under {@code CI=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ClusterTest {

    /** Whether the test needs Debian's nginx ({@code /usr/sbin/nginx}, or the path in {@code NGINX}). */
    boolean nginx() default false;

    /** The integration-test pass it runs in: {@code postgresql} or {@code h2}. */
    String database() default "postgresql";

    /** Whether the test mounts small tmpfs file systems (a full or read-only disk): needs root. */
    boolean mounts() default false;
}
