package cn.linli.registry.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.access.PersonalDataProtection;
import cn.linli.access.ProtectedValue;
import cn.linli.registry.MembershipKind;
import cn.linli.registry.NewResident;
import cn.linli.registry.Registry;
import cn.linli.registry.Relation;
import cn.linli.registry.internal.NameIndex;

/**
 * Writes the good rows in chunks, inside the caller's one transaction: the buildings and households a chunk needs
 * (found or created), its residents (encrypted before, by {@link ProtectedChunks}), their memberships, their rows of
 * the name index and the heads of households. New buildings get their units and floors from the highest ones their households use, at the end.
 */
final class ImportWriter {

    static final int CHUNK = 5000;
    private static final List<String> RESIDENT_COLUMNS = List.of("name", "gender", "birth_date", "document_kind",
            "document_number", "document_index", "phone", "phone_index", "ethnicity", "education", "employment",
            "party_member", "status");

    private final BulkInsert bulk;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ExistingRegistry existing;
    private final Set<Long> occupied;
    private final LocalDate today;
    private final Map<Long, Map<String, ExistingRegistry.Building>> knownBuildings = new HashMap<>();
    private final Map<Long, Map<String, ExistingRegistry.Household>> knownHouseholds = new HashMap<>();
    private final Map<String, Long> buildingIds = new HashMap<>();
    private final Map<String, Long> householdIds = new HashMap<>();
    private final List<Long> newBuildings = new ArrayList<>();
    private final List<ImportRow> chunk = new ArrayList<>(CHUNK);
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private int residents;

    ImportWriter(BulkInsert bulk, JdbcClient jdbc, JdbcTemplate batch, ExistingRegistry existing, LocalDate today) {
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.batch = batch;
        this.existing = existing;
        this.occupied = existing.occupiedGrids();
        this.today = today;
    }

    /** Writes one chunk of rows with their residents protected already. */
    void write(ProtectedChunks.Chunk chunk) {
        this.chunk.addAll(chunk.rows());
        flush(chunk.people(), chunk.residents());
    }

    /** Writes the rest and fixes the new buildings' sizes; the number of residents written. */
    int finish() {
        for (int i = 0; i < newBuildings.size(); i += 1000) {
            jdbc.sql("""
                    update registry_building set
                        units = (select max(unit_no) from registry_household h where h.building_id = registry_building.id),
                        floors = (select max(floor_no) from registry_household h where h.building_id = registry_building.id)
                    where id in (:ids) and exists (select 1 from registry_household h where h.building_id = registry_building.id)""")
                    .param("ids", newBuildings.subList(i, Math.min(newBuildings.size(), i + 1000))).update();
        }
        return residents;
    }

    private void flush(List<ImportRow> people, List<Object[]> rows) {
        if (chunk.isEmpty()) return;
        buildings();
        List<Long> ids = timed("residents", () -> bulk.insertReturningIds("registry_resident", RESIDENT_COLUMNS, rows));
        Map<String, Long> heads = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i).relation() == Relation.HEAD) heads.put(people.get(i).householdKey(), ids.get(i));
        }
        households(heads);
        List<Object[]> memberships = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            ImportRow row = people.get(i);
            long household = householdIds.get(row.householdKey());
            for (MembershipKind kind : row.kinds()) {
                memberships.add(new Object[] {ids.get(i), household, kind.name(), row.relation().name(), today});
            }
        }
        timed("memberships", () -> {
            bulk.insert("registry_membership", List.of("resident_id", "household_id", "kind", "relation", "valid_from"), memberships);
            return null;
        });
        List<Object[]> names = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            names.addAll(NameIndex.rows(ids.get(i), people.get(i).resident().name(), List.of(people.get(i).gridId())));
        }
        timed("names", () -> {
            bulk.insert(NameIndex.TABLE, NameIndex.COLUMNS, names);
            return null;
        });
        // heads of households written by an earlier chunk or already in the registry (validation saw they had none)
        if (!heads.isEmpty()) {
            batch.batchUpdate("update registry_household set head_id = ? where id = ?", heads.entrySet().stream()
                    .map(e -> new Object[] {e.getValue(), householdIds.get(e.getKey())}).toList());
        }
        residents += people.size();
        chunk.clear();
    }

    /** Milliseconds spent writing each table so far, for the log: where a slow import's time went. */
    Map<String, Long> timings() {
        Map<String, Long> millis = new LinkedHashMap<>();
        nanos.forEach((what, n) -> millis.put(what, n / 1_000_000));
        return millis;
    }

    private <T> T timed(String what, Supplier<T> write) {
        long start = System.nanoTime();
        try {
            return write.get();
        } finally {
            nanos.merge(what, System.nanoTime() - start, Long::sum);
        }
    }

    private void buildings() {
        Map<String, ImportRow> missing = new LinkedHashMap<>();
        for (ImportRow row : chunk) {
            if (buildingIds.containsKey(row.buildingKey())) continue;
            var known = knownBuildings.computeIfAbsent(row.gridId(), this::buildingsIn).get(row.address());
            if (known != null) buildingIds.put(row.buildingKey(), known.id());
            else missing.putIfAbsent(row.buildingKey(), row);
        }
        List<ImportRow> rows = List.copyOf(missing.values());
        List<Long> ids = bulk.insertReturningIds("registry_building", List.of("address", "grid_id", "type", "units", "floors"),
                rows.stream().map(r -> new Object[] {r.address(), r.gridId(), r.buildingType().name(), 1, 1}).toList());
        for (int i = 0; i < rows.size(); i++) buildingIds.put(rows.get(i).buildingKey(), ids.get(i));
        newBuildings.addAll(ids);
    }

    /** Creates the chunk's new households, with their heads when the chunk holds them (taken out of {@code heads}). */
    private void households(Map<String, Long> heads) {
        Map<String, ImportRow> missing = new LinkedHashMap<>();
        for (ImportRow row : chunk) {
            if (householdIds.containsKey(row.householdKey())) continue;
            var known = knownHouseholds.computeIfAbsent(row.gridId(), this::householdsIn).get(row.householdKey());
            if (known != null) householdIds.put(row.householdKey(), known.id());
            else missing.putIfAbsent(row.householdKey(), row);
        }
        List<ImportRow> rows = List.copyOf(missing.values());
        List<Object[]> values = rows.stream().map(r -> new Object[] {buildingIds.get(r.buildingKey()), r.unit(), r.floor(),
                r.room(), r.gridId(), r.householdType().name(), heads.remove(r.householdKey())}).toList();
        List<Long> ids = timed("households", () -> bulk.insertReturningIds("registry_household",
                List.of("building_id", "unit_no", "floor_no", "room", "grid_id", "type", "head_id"), values));
        for (int i = 0; i < rows.size(); i++) householdIds.put(rows.get(i).householdKey(), ids.get(i));
    }

    private Map<String, ExistingRegistry.Building> buildingsIn(long grid) {
        return occupied.contains(grid) ? existing.buildings(grid) : Map.of();
    }

    private Map<String, ExistingRegistry.Household> householdsIn(long grid) {
        return occupied.contains(grid) ? existing.households(grid) : Map.of();
    }

    /** The resident's columns as {@code registry_resident} stores them, identifiers encrypted. */
    static Object[] resident(ImportRow row, PersonalDataProtection protection) {
        NewResident r = row.resident();
        ProtectedValue document = protection.protect(Registry.RESIDENT_DOCUMENT, r.documentNumber());
        ProtectedValue phone = r.phone() == null ? null : protection.protect(Registry.RESIDENT_PHONE, r.phone());
        return new Object[] {r.name(), r.gender().name(), r.birthDate(), r.documentKind().name(), document.storedText(),
                document.blindIndex(), phone == null ? null : phone.storedText(), phone == null ? null : phone.blindIndex(),
                r.ethnicity(), r.education(), r.employment(), r.partyMember(), "ACTIVE"};
    }
}
