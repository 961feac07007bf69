package cn.linli.registry.importing;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.AuditLog;
import cn.linli.access.PersonalDataProtection;
import cn.linli.registry.ImportField;
import cn.linli.registry.ImportProblem;
import cn.linli.registry.ImportState;
import cn.linli.registry.ImportStatus;
import cn.linli.registry.internal.NameIndex;
import cn.linli.registry.internal.ReadAhead;
import cn.linli.registry.internal.RegistryScopes;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.TerritoryQueries;

/**
 * Runs the two long steps of an import in the background, as the user who started them (their scope, their name in
 * the audit log): validation of the whole file, then the import of its good rows in one transaction. Progress goes
 * to the job row in transactions of its own, so any instance sees it while the import's transaction is still open.
 */
@Component
public class ImportRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);
    private static final java.time.ZoneId CITY_ZONE = java.time.ZoneId.of("Asia/Shanghai");
    /** Residents imported at once from which the tables' statistics are refreshed at the end (a few seconds). */
    private static final int ANALYZE_AFTER = 10_000;

    private final ImportTable table;
    private final ExistingRegistry existing;
    private final BulkInsert bulk;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PersonalDataProtection protection;
    private final RegistryScopes scopes;
    private final TerritoryQueries territory;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService executor;
    private final Set<String> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ImportRunner(ImportTable table, ExistingRegistry existing, BulkInsert bulk, JdbcClient jdbc, JdbcTemplate batch,
            PersonalDataProtection protection, RegistryScopes scopes, TerritoryQueries territory, AuditLog audit,
            PlatformTransactionManager transactions, ImportSettings settings) {
        this.table = table;
        this.existing = existing;
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.batch = batch;
        this.protection = protection;
        this.scopes = scopes;
        this.territory = territory;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        var threads = new org.springframework.scheduling.concurrent.CustomizableThreadFactory("registry-import-");
        threads.setDaemon(true);
        this.executor = Executors.newFixedThreadPool(settings.workers(), threads);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Starts the validation of a job in state VALIDATING, as the current user. */
    public void startValidation(String id) {
        alive(id);
        executor.execute(DelegatingSecurityContextRunnable.create(() -> validate(id), null));
    }

    /** Starts the import of a job in state IMPORTING, as the current user. */
    public void startImport(String id) {
        alive(id);
        executor.execute(DelegatingSecurityContextRunnable.create(() -> importRows(id), null));
    }

    /**
     * A job queued or running here has a heartbeat from this instance until it ends, so that {@link ImportSweep}
     * tells a job of a live instance (even one waiting for a free worker) from one whose instance died.
     */
    private void alive(String id) {
        running.add(id);
        table.heartbeat(List.of(id));
    }

    /** The jobs queued or running on this instance. */
    public Set<String> running() {
        return Set.copyOf(running);
    }

    /** Validates now, in the calling thread (the background task, or a benchmark). */
    public void validate(String id) {
        try {
            ImportStatus job = table.find(id).orElseThrow();
            if (interrupted(job)) return;
            byte[] content = table.content(id);
            int estimate = estimateRows(job, content);
            var validation = new FileValidation(reader(job.mapping()), existing, protection);
            Sheets.read(SheetFormat.valueOf(job.format()), charset(job), content, (rowNo, cells) -> {
                if (rowNo > job.headingRow()) validation.row(rowNo, cells, done -> ownTransaction.executeWithoutResult(
                        s -> table.progress(id, done, Math.max(done, estimate))));
            });
            List<ImportProblem> problems = validation.finish();
            transaction.executeWithoutResult(s -> {
                table.problems(id, problems);
                if (!table.validated(id, validation.rows(), (int) problems.stream().map(ImportProblem::row).distinct().count())) {
                    s.setRollbackOnly(); // declared interrupted meanwhile: the user starts it again
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("validation of import {} failed", id, e);
            ownTransaction.executeWithoutResult(s -> table.failed(id, ImportState.UNREADABLE, "registry.import.failure.unreadable"));
        } finally {
            running.remove(id);
        }
    }

    /** Imports the good rows now, in the calling thread, all in one transaction. */
    public void importRows(String id) {
        try {
            int imported = transaction.execute(s -> write(id));
            LOG.info("import {}: {} residents written", id, imported);
            if (imported >= ANALYZE_AFTER) refreshStatistics(id);
        } catch (Interrupted e) {
            LOG.warn("import {} was declared interrupted while it ran; rolled back", id);
        } catch (RuntimeException e) {
            boolean changed = e instanceof BulkInsert.BulkInsertException b && b.duplicateKey()
                    || e instanceof org.springframework.dao.DuplicateKeyException;
            LOG.warn("import {} failed and was rolled back", id, e);
            ownTransaction.executeWithoutResult(s -> {
                table.failed(id, ImportState.FAILED, changed ? "registry.import.failure.changed" : "registry.import.failure.failed");
                audit.record("REGISTRY_IMPORT_FAILED", "import " + id, "rolled back; " + (changed ? "registry changed since validation" : "error"));
            });
        } finally {
            running.remove(id);
        }
    }

    private static boolean interrupted(ImportStatus job) {
        return ImportTable.INTERRUPTED.equals(job.failure());
    }

    /** The sweep declared the job interrupted while this instance still worked on it: its writes must not commit. */
    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("the import job was declared interrupted", null, false, false);
        }
    }

    /** After the commit: a failure here leaves the import imported, and autovacuum will analyze in time. */
    private void refreshStatistics(String id) {
        long started = System.nanoTime();
        try {
            bulk.analyze(List.of("registry_building", "registry_household", "registry_resident", "registry_membership",
                    NameIndex.TABLE));
            LOG.info("import {}: statistics refreshed in {} ms", id, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("import {}: statistics not refreshed", id, e);
        }
    }

    private int write(String id) {
        ImportStatus job = table.find(id).orElseThrow();
        if (interrupted(job)) return 0;
        Set<Integer> rejected = new HashSet<>(table.problems(id, Integer.MAX_VALUE).stream().map(ImportProblem::row).toList());
        RowReader reader = reader(job.mapping());
        var writer = new ImportWriter(bulk, jdbc, batch, existing, LocalDate.now(CITY_ZONE));
        int good = job.goodRows();
        int done = 0;
        byte[] content = table.content(id);
        try (var chunks = new ReadAhead<ProtectedChunks.Chunk>("registry-import-reader", 3, next -> {
            var chunker = new ProtectedChunks(ImportWriter.CHUNK, next, row -> ImportWriter.resident(row, protection));
            Sheets.read(SheetFormat.valueOf(job.format()), charset(job), content, (rowNo, cells) -> {
                if (rowNo > job.headingRow() && !rejected.contains(rowNo)) chunker.add(reader.read(rowNo, cells));
            });
            chunker.finish();
        })) {
            long waited = 0;
            long asked = System.nanoTime();
            for (var chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                waited += System.nanoTime() - asked;
                writer.write(chunk);
                done += chunk.rows().size();
                int progress = done;
                ownTransaction.executeWithoutResult(s -> table.progress(id, progress, good));
                asked = System.nanoTime();
            }
            LOG.info("import {}: ms writing {}, waiting for rows {}", id, writer.timings(), waited / 1_000_000);
        }
        int residents = writer.finish();
        if (!table.imported(id, done)) throw new Interrupted();
        audit.record("REGISTRY_IMPORTED", "import " + id, "file=" + job.fileName() + "; rows=" + done
                + "; residents=" + residents + "; rejected=" + rejected.size());
        return residents;
    }

    private RowReader reader(Map<ImportField, Integer> mapping) {
        Map<String, Long> grids = territory.tree(LocalDate.now(CITY_ZONE)).atLevel(DivisionLevel.GRID).stream()
                .collect(Collectors.toMap(d -> d.code().value(), Division::id, (a, b) -> a));
        return new RowReader(mapping, grids, scopes.current());
    }

    private static Charset charset(ImportStatus job) {
        return job.charset() == null ? null : Charset.forName(job.charset());
    }

    /** Lines of a CSV (for the progress bar while validating); 0 for .xlsx, whose rows are only known when read. */
    private static int estimateRows(ImportStatus job, byte[] content) {
        if (!"CSV".equals(job.format())) return 0;
        int lines = 0;
        for (byte b : content) {
            if (b == '\n') lines++;
        }
        return Math.max(0, lines - job.headingRow());
    }
}
