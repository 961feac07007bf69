package cn.linli.registry.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import cn.linli.access.PersonalDataProtection;
import cn.linli.registry.ImportField;
import cn.linli.registry.ImportProblem;
import cn.linli.registry.Registry;
import cn.linli.registry.Relation;

/**
 * One pass over the whole file: every row is read with {@link RowReader}, then checked against the rows before it
 * (the same document twice, a household described two ways, a second head) and against the registry (buildings'
 * units and floors, households' heads, documents already registered, through the blind index in batches). Keeps
 * only keys and problems in memory, not the rows. The registry is asked about documents on a second thread, batch
 * after batch, while this one reads on (computing blind indexes and waiting for the database would otherwise be
 * half the time of a large file).
 */
final class FileValidation {

    private static final int LOOKUP_BATCH = 1000;

    private record Home(int row, int floor, cn.linli.registry.HouseholdType type, boolean head) {
    }

    private final RowReader reader;
    private final ExistingRegistry existing;
    private final Set<Long> occupied;
    private final PersonalDataProtection protection;
    private final Map<String, Integer> documents = new HashMap<>();
    private final Map<String, Home> homes = new HashMap<>();
    private final Map<Long, Map<String, ExistingRegistry.Building>> buildings = new HashMap<>();
    private final Map<Long, Map<String, ExistingRegistry.Household>> households = new HashMap<>();
    private Map<String, Integer> pendingLookups = new LinkedHashMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<ImportProblem> knownDocuments = new ArrayList<>();
    // no core thread: should the validation stop half-way, the idle thread ends by itself a second later
    private final ExecutorService lookups = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread thread = new Thread(r, "registry-import-lookup");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Void> lookedUp = CompletableFuture.completedFuture(null);
    private int rows;

    FileValidation(RowReader reader, ExistingRegistry existing, PersonalDataProtection protection) {
        this.reader = reader;
        this.existing = existing;
        this.occupied = existing.occupiedGrids();
        this.protection = protection;
    }

    /** Checks one data row; {@code progress} hears the rows done every few thousand rows. */
    void row(int rowNo, List<String> cells, IntConsumer progress) {
        rows++;
        try {
            check(reader.read(rowNo, cells));
        } catch (RowRejected e) {
            problems.add(new ImportProblem(rowNo, e.field, e.code, e.argument));
        }
        if (pendingLookups.size() >= LOOKUP_BATCH) lookUp();
        if (rows % 5000 == 0) progress.accept(rows);
    }

    /** All problems, by row. */
    List<ImportProblem> finish() {
        lookUp();
        try {
            lookedUp.join();
        } finally {
            lookups.shutdownNow();
        }
        problems.addAll(knownDocuments);
        problems.sort(Comparator.comparingInt(ImportProblem::row));
        return problems;
    }

    int rows() {
        return rows;
    }

    private void check(ImportRow row) {
        ExistingRegistry.Building building = buildingsIn(row.gridId()).get(row.address());
        if (building != null && row.unit() > building.units()) throw new RowRejected(ImportField.UNIT, "registry.error.no-such-unit", building.units());
        if (building != null && row.floor() > building.floors()) throw new RowRejected(ImportField.FLOOR, "registry.error.no-such-floor", building.floors());
        boolean head = row.relation() == Relation.HEAD;
        ExistingRegistry.Household known = householdsIn(row.gridId()).get(row.householdKey());
        if (known != null && (known.floor() != row.floor() || known.type() != row.householdType())) {
            throw new RowRejected(ImportField.HOUSEHOLD_TYPE, "registry.import.error.household-differs", null);
        }
        if (known != null && head && known.hasHead()) throw new RowRejected(ImportField.RELATION, "registry.import.error.head-exists", null);
        Home home = homes.get(row.householdKey());
        if (home != null && (home.floor() != row.floor() || home.type() != row.householdType())) {
            throw new RowRejected(ImportField.HOUSEHOLD_TYPE, "registry.import.error.household-inconsistent", home.row());
        }
        if (home != null && head && home.head()) throw new RowRejected(ImportField.RELATION, "registry.import.error.second-head", home.row());
        if (row.resident() != null) document(row);
        if (home == null || head) homes.put(row.householdKey(), new Home(home == null ? row.rowNo() : home.row(), row.floor(), row.householdType(), head || (home != null && home.head())));
    }

    private Map<String, ExistingRegistry.Building> buildingsIn(long grid) {
        return buildings.computeIfAbsent(grid, g -> occupied.contains(g) ? existing.buildings(g) : Map.of());
    }

    private Map<String, ExistingRegistry.Household> householdsIn(long grid) {
        return households.computeIfAbsent(grid, g -> occupied.contains(g) ? existing.households(g) : Map.of());
    }

    private void document(ImportRow row) {
        Integer earlier = documents.putIfAbsent(row.documentKey(), row.rowNo());
        if (earlier != null) throw new RowRejected(ImportField.DOCUMENT_NUMBER, "registry.import.error.duplicate-in-file", earlier);
        pendingLookups.put(row.resident().documentNumber(), row.rowNo());
    }

    /** Hands the pending documents to the lookup thread, which asks the registry after the batches before. */
    private void lookUp() {
        if (pendingLookups.isEmpty()) return;
        Map<String, Integer> batch = pendingLookups;
        pendingLookups = new LinkedHashMap<>();
        lookedUp = lookedUp.thenRunAsync(() -> {
            Map<String, Integer> byIndex = new HashMap<>();
            batch.forEach((number, rowNo) -> byIndex.put(protection.blindIndex(Registry.RESIDENT_DOCUMENT, number), rowNo));
            for (String index : existing.knownDocuments(byIndex.keySet())) {
                knownDocuments.add(new ImportProblem(byIndex.get(index), ImportField.DOCUMENT_NUMBER,
                        "registry.import.error.document-known", null));
            }
        }, lookups);
    }
}
