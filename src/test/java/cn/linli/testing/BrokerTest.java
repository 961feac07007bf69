package cn.linli.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that talks to a real RabbitMQ ({@link TestBroker#address()}): skipped with a clear message when none
 * answers on a developer's machine, failed under {@code CI=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface BrokerTest {
}
