package cn.linli.registry;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.linli.access.AuditLog;
import cn.linli.access.CurrentActor;
import cn.linli.registry.importing.HeadingMatcher;
import cn.linli.registry.importing.ImportRunner;
import cn.linli.registry.importing.ImportSettings;
import cn.linli.registry.importing.ImportTable;
import cn.linli.registry.importing.ImportWorkbooks;
import cn.linli.registry.importing.SheetFormat;
import cn.linli.registry.internal.RegistryScopes;

/**
 * Imports of buildings, households and residents from .xlsx and .csv. Three steps, each its own call: upload (the
 * file is checked to be what it claims and a mapping of its headings proposed), validation of the whole file in the
 * background (every bad row named with field and reason, nothing written), then, if the user chooses, the import of
 * the good rows in the background and in one transaction: all of them or, when anything fails, none. Committing the
 * same import twice imports it once. Only the user who uploaded a file sees its import.
 */
@Service
public class RegistryImports {

    private static final int RECENT = 20;

    private final ImportTable table;
    private final ImportRunner runner;
    private final ImportWorkbooks workbooks;
    private final ImportSettings settings;
    private final RegistryScopes scopes;
    private final CurrentActor actors;
    private final AuditLog audit;

    RegistryImports(ImportTable table, ImportRunner runner, ImportWorkbooks workbooks, ImportSettings settings,
            RegistryScopes scopes, CurrentActor actors, AuditLog audit) {
        this.table = table;
        this.runner = runner;
        this.workbooks = workbooks;
        this.settings = settings;
        this.scopes = scopes;
        this.actors = actors;
        this.audit = audit;
    }

    /** Stores the file and proposes a mapping of its headings; refuses oversized, empty and mislabelled files. */
    @Transactional
    public ImportStatus upload(String fileName, byte[] content) {
        if (scopes.current().isEmpty()) throw new RejectedRegistryInput("file", "registry.import.error.no-scope");
        if (content == null || content.length == 0) throw new RejectedRegistryInput("file", "registry.import.error.empty");
        if (content.length > settings.maxSize().toBytes()) {
            throw new RejectedRegistryInput("file", "registry.import.error.too-large", settings.maxSize().toMegabytes());
        }
        SheetFormat format = SheetFormat.of(fileName, content);
        Charset charset = format == SheetFormat.CSV ? SheetFormat.charsetOf(content) : null;
        ImportWorkbooks.HeadingRow found = workbooks.headings(format, charset, content);
        List<String> headings = found.headings();
        if (headings.stream().allMatch(String::isBlank)) throw new RejectedRegistryInput("file", "registry.import.error.empty");
        String id = UUID.randomUUID().toString();
        table.insert(id, owner(), fileName, format, charset == null ? null : charset.name(), found.rowNo(), headings, content);
        table.startValidation(id, HeadingMatcher.propose(headings));
        audit.record("REGISTRY_IMPORT_UPLOADED", "import " + id, "file=" + fileName + "; bytes=" + content.length);
        return table.find(id).orElseThrow();
    }

    /** Confirms the mapping (field → column, from 0) and starts the validation of the whole file in the background. */
    public void validate(String id, Map<ImportField, Integer> mapping) {
        ImportStatus job = own(id);
        Map<ImportField, Integer> checked = checked(mapping, job.headings().size());
        if (job.state() != ImportState.MAPPING && job.state() != ImportState.VALIDATED && job.state() != ImportState.UNREADABLE) {
            throw new RejectedRegistryInput("id", "registry.import.error.not-now");
        }
        if (!table.transition(id, ImportState.VALIDATING, ImportState.MAPPING, ImportState.VALIDATED, ImportState.UNREADABLE)) {
            throw new RejectedRegistryInput("id", "registry.import.error.not-now");
        }
        table.startValidation(id, checked);
        runner.startValidation(id);
    }

    /**
     * Imports the good rows in the background. Idempotent: while the import runs or once it is done, a second call
     * changes nothing. A failed import (rolled back) may be committed again.
     */
    public void commit(String id) {
        ImportStatus job = own(id);
        if (job.state() == ImportState.IMPORTING || job.state() == ImportState.IMPORTED) return;
        if (job.state() != ImportState.VALIDATED && job.state() != ImportState.FAILED) {
            throw new RejectedRegistryInput("id", "registry.import.error.not-validated");
        }
        if (job.goodRows() == 0) throw new RejectedRegistryInput("id", "registry.import.error.no-good-rows");
        if (table.transition(id, ImportState.IMPORTING, ImportState.VALIDATED, ImportState.FAILED)) runner.startImport(id);
    }

    public Optional<ImportStatus> status(String id) {
        return table.find(id).filter(job -> job.owner().equals(owner()));
    }

    public List<ImportStatus> recent() {
        return table.recent(owner(), RECENT);
    }

    /** The rejected rows in row order, at most {@code limit}. */
    public List<ImportProblem> problems(String id, int limit) {
        own(id);
        return table.problems(id, limit);
    }

    /** The rejected rows as they were in the file, with a column saying why, for fixing and uploading again. */
    public byte[] rejectedRows(String id, Locale locale) {
        ImportStatus job = own(id);
        return workbooks.rejected(job, table.content(id), table.problems(id, Integer.MAX_VALUE), locale);
    }

    /** The template: the headings offices use, an example row and a sheet of notes. */
    public byte[] template(Locale locale) {
        return workbooks.template(locale);
    }

    private ImportStatus own(String id) {
        return status(id).orElseThrow(() -> new RejectedRegistryInput("id", "registry.import.error.unknown", id));
    }

    private String owner() {
        return actors.current().username();
    }

    private static Map<ImportField, Integer> checked(Map<ImportField, Integer> mapping, int columns) {
        Map<ImportField, Integer> checked = new EnumMap<>(ImportField.class);
        Set<Integer> used = new HashSet<>();
        List<String> missing = new ArrayList<>();
        mapping.forEach((field, column) -> {
            if (column == null) return;
            if (column < 0 || column >= columns) throw new RejectedRegistryInput(field.name(), "registry.import.error.no-such-column");
            if (!used.add(column)) throw new RejectedRegistryInput(field.name(), "registry.import.error.column-twice", column + 1);
            checked.put(field, column);
        });
        for (ImportField field : ImportField.values()) {
            if (field.required() && !checked.containsKey(field)) missing.add(field.heading());
        }
        if (!missing.isEmpty()) throw new RejectedRegistryInput("mapping", "registry.import.error.unmapped", String.join("、", missing));
        return checked;
    }
}
