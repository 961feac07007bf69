package cn.linli.registry.importing;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.registry.HouseholdType;

/**
 * What an import meets in the registry already: buildings and households of a grid (read once per grid, not once
 * per row) and which document numbers are registered, asked for in batches by blind index.
 */
@Component
class ExistingRegistry {

    record Building(long id, int units, int floors) {
    }

    record Household(long id, int floor, HouseholdType type, boolean hasHead) {
    }

    private final JdbcClient jdbc;

    ExistingRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The grids with any building. A large file touches thousands of grids; asking for the buildings and households
     * of each (two queries a grid, in validation and again in the import) cost seconds when most grids were empty.
     */
    Set<Long> occupiedGrids() {
        return new HashSet<>(jdbc.sql("select distinct grid_id from registry_building").query(Long.class).list());
    }

    /** The grid's buildings by address. */
    Map<String, Building> buildings(long gridId) {
        Map<String, Building> found = new HashMap<>();
        jdbc.sql("select id, address, units, floors from registry_building where grid_id = ?").param(gridId)
                .query((rs, n) -> found.put(rs.getString("address"),
                        new Building(rs.getLong("id"), rs.getInt("units"), rs.getInt("floors")))).list();
        return found;
    }

    /** The grid's households by "address NUL unit NUL room", the key {@link ImportRow#householdKey()} uses. */
    Map<String, Household> households(long gridId) {
        Map<String, Household> found = new HashMap<>();
        jdbc.sql("""
                select h.id, b.address, h.unit_no, h.floor_no, h.room, h.type, h.head_id from registry_household h
                join registry_building b on b.id = h.building_id where h.grid_id = ?""").param(gridId)
                .query((rs, n) -> {
                    rs.getLong("head_id");
                    boolean head = !rs.wasNull();
                    return found.put(gridId + "\u0000" + rs.getString("address") + "\u0000" + rs.getInt("unit_no") + "\u0000"
                            + rs.getString("room"), new Household(rs.getLong("id"), rs.getInt("floor_no"),
                            HouseholdType.valueOf(rs.getString("type")), head));
                }).list();
        return found;
    }

    /** The blind indexes among these that a registered resident has. */
    Set<String> knownDocuments(Collection<String> blindIndexes) {
        if (blindIndexes.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select document_index from registry_resident where document_index in (:indexes)")
                .param("indexes", blindIndexes).query(String.class).list());
    }
}
