package cn.linli.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the whole application on a real database: H2 or PostgreSQL, chosen by the system property
 * {@code linli.test.db} (Maven runs the integration tests once for each). MockMvc is configured for every such test,
 * so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.class)
@Import(PostgresqlTestSchema.class)
@ContextConfiguration(initializers = IsolatedDatabase.class)
@AutoConfigureMockMvc
public @interface IntegrationTest {
}
