package cn.linli.registry;

import static cn.linli.registry.RegistryFixture.idNumber;
import static cn.linli.registry.RegistryImportIT.GRID_1;
import static cn.linli.registry.RegistryImportIT.address;
import static cn.linli.registry.RegistryImportIT.lines;
import static cn.linli.registry.RegistryImportIT.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.registry.importing.ImportRunner;
import cn.linli.registry.importing.ImportSweep;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * Imports whose instance died: the sweep tells them by their stale heartbeat, declares them interrupted with nothing
 * written, and they can be started again; a job of a live instance is left alone; a worker that carries on after
 * the sweep writes nothing. On H2 and PostgreSQL.
 */
@IntegrationTest
class ImportSweepIT {

    @Autowired RegistryImports imports;
    @Autowired ImportSweep sweep;
    @Autowired ImportRunner runner;
    @Autowired RegistryQueries queries;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @BeforeEach
    void signIn() {
        ActingAs.user(accounts, "yongan-sq");
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    String number;

    /** A validated job of two good rows. */
    ImportStatus validatedJob() {
        number = idNumber(LocalDate.of(1958, 8, 8));
        String csv = lines(row(address(), GRID_1, "1", "1", "101", "户籍户", "", "心跳甲", "", "", "", "", number, "", "户主", ""),
                row(address(), GRID_1, "1", "1", "102", "户籍户", "", "心跳乙", "", "", "", "", idNumber(LocalDate.of(1959, 9, 9)), "", "户主", ""));
        ImportStatus job = imports.upload("心跳.csv", csv.getBytes(StandardCharsets.UTF_8));
        imports.validate(job.id(), job.mapping());
        return await(job.id(), ImportState.VALIDATED);
    }

    /** What a dead instance leaves behind: the job still says it runs, its last heartbeat long ago. */
    void leftRunningBy(String id, ImportState state, Duration ago) {
        jdbc.sql("update registry_import set status = ?, heartbeat_at = ?, failure = null where id = ?")
                .params(state.name(), OffsetDateTime.ofInstant(Instant.now().minus(ago), ZoneOffset.UTC), id).update();
    }

    int residents() {
        return jdbc.sql("select count(*) from registry_resident").query(Integer.class).single();
    }

    @Test
    void anImportWhoseInstanceDiedIsDeclaredInterruptedWithNothingWrittenAndCanBeCommittedAgain() throws Exception {
        ImportStatus job = validatedJob();
        int before = residents();
        leftRunningBy(job.id(), ImportState.IMPORTING, Duration.ofMinutes(10));

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);

        ImportStatus interrupted = imports.status(job.id()).orElseThrow();
        assertThat(interrupted.state()).isEqualTo(ImportState.FAILED);
        assertThat(interrupted.failure()).isEqualTo("registry.import.failure.interrupted");
        assertThat(residents()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from access_audit where action = 'REGISTRY_IMPORTS_INTERRUPTED'")
                .query(Integer.class).single()).isPositive();
        String page = mvc.perform(get("/registry/import/" + job.id()).with(SignedIn.as(accounts, "yongan-sq")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("服务器中途停止", "请重新开始");

        ActingAs.user(accounts, "yongan-sq");
        imports.commit(job.id());
        assertThat(await(job.id(), ImportState.IMPORTED).importedRows()).isEqualTo(2);
        assertThat(residents()).isEqualTo(before + 2);
    }

    @Test
    void aValidationWhoseInstanceDiedGoesBackToTheMappingAndRunsAgain() {
        ImportStatus job = validatedJob();
        leftRunningBy(job.id(), ImportState.VALIDATING, Duration.ofMinutes(5));
        sweep.sweep();
        ImportStatus interrupted = imports.status(job.id()).orElseThrow();
        assertThat(interrupted.state()).isEqualTo(ImportState.MAPPING);
        assertThat(interrupted.failure()).isEqualTo("registry.import.failure.interrupted");

        imports.validate(job.id(), interrupted.mapping());
        ImportStatus again = await(job.id(), ImportState.VALIDATED);
        assertThat(again.failure()).isNull();
        assertThat(again.totalRows()).isEqualTo(2);
    }

    @Test
    void aJobWithARecentHeartbeatIsLeftRunning() {
        ImportStatus job = validatedJob();
        leftRunningBy(job.id(), ImportState.IMPORTING, Duration.ofSeconds(5));
        sweep.sweep();
        assertThat(imports.status(job.id()).orElseThrow().state()).isEqualTo(ImportState.IMPORTING);
        jdbc.sql("update registry_import set status = 'VALIDATED' where id = ?").param(job.id()).update();
    }

    @Test
    void aWorkerThatCarriesOnAfterTheSweepWritesNothing() {
        ImportStatus job = validatedJob();
        int before = residents();
        leftRunningBy(job.id(), ImportState.IMPORTING, Duration.ofMinutes(10));
        sweep.sweep();

        runner.importRows(job.id());

        assertThat(residents()).isEqualTo(before);
        assertThat(queries.findByDocumentNumber(number)).isEmpty();
        assertThat(imports.status(job.id()).orElseThrow().failure()).isEqualTo("registry.import.failure.interrupted");
    }

    ImportStatus await(String id, ImportState state) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            ImportStatus status = imports.status(id).orElseThrow();
            if (status.state() == state) return status;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("import did not reach " + state);
    }
}
