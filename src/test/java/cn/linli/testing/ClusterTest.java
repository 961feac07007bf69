package cn.linli.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that starts Linli instances of its own on PostgreSQL (child JVMs, a private nginx, a TCP proxy in front of
 * the database) instead of using the shared test context. It runs in the PostgreSQL pass of the integration tests only
 * (it has nothing to check on the embedded database); like the other tests it is skipped on a developer's machine
 * without PostgreSQL (or nginx, when it needs it) and fails under {@code CI=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ClusterTest {

    /** Whether the test needs Debian's nginx ({@code /usr/sbin/nginx}, or the path in {@code NGINX}). */
    boolean nginx() default false;
}
