package cn.linli.testing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips integration tests whose database, browser, message broker or nginx is missing on a developer's machine, saying
 * clearly what was skipped; in CI ({@code CI=true}) a missing PostgreSQL, Chromium, RabbitMQ, nginx or mount right
 * fails the test instead, because a
 * skipped test there would hide a gap.
 */
public final class RequiredEnvironment implements ExecutionCondition {

    private static final Map<String, String> REASONS = new ConcurrentHashMap<>();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Class<?> testClass = context.getTestClass().orElse(null);
        if (testClass == null || context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("");
        }
        String reason = null;
        ClusterTest cluster = testClass.getAnnotation(ClusterTest.class);
        if (cluster != null) {
            if (!TestDatabase.name().equals(cluster.database())) {
                return ConditionEvaluationResult.disabled("runs in the " + cluster.database() + " pass of the integration tests");
            }
            reason = TestDatabase.isPostgresql()
                    ? REASONS.computeIfAbsent("pg", k -> String.valueOf(TestDatabase.postgresqlUnavailableReason())) : "null";
            if ("null".equals(reason) && cluster.nginx()) {
                reason = REASONS.computeIfAbsent("nginx", k -> String.valueOf(PrivateNginx.unavailableReason()));
            }
            if ("null".equals(reason) && cluster.mounts()) {
                reason = REASONS.computeIfAbsent("mount", k -> String.valueOf(SmallDisk.unavailableReason()));
            }
        }
        if (testClass.isAnnotationPresent(IntegrationTest.class) && TestDatabase.isPostgresql()) {
            reason = REASONS.computeIfAbsent("pg", k -> String.valueOf(TestDatabase.postgresqlUnavailableReason()));
        }
        if (reason == null || "null".equals(reason)) {
            if (testClass.isAnnotationPresent(BrowserTest.class)) {
                reason = REASONS.computeIfAbsent("browser", k -> String.valueOf(Browser.unavailableReason()));
            }
        }
        if (reason == null || "null".equals(reason)) {
            if (testClass.isAnnotationPresent(BrokerTest.class)) {
                reason = REASONS.computeIfAbsent("broker", k -> String.valueOf(TestBroker.unavailableReason()));
            }
        }
        if (reason == null || "null".equals(reason)) {
            return ConditionEvaluationResult.enabled("environment available");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI requires this test to run, but: " + reason);
        }
        System.err.println("SKIPPED " + testClass.getSimpleName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
