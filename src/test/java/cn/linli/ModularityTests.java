package cn.linli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of architecture.md, verified, and the module documentation written to target/. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(LinliApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
        assertThat(modules.getModuleByName("territory")).isPresent();
        assertThat(modules.getModuleByName("access")).isPresent();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
        assertThat(new java.io.File("target/spring-modulith-docs/all-docs.adoc")).exists();
    }
}
