package cn.linli.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.linli.access.ProtectedValue;
import cn.linli.registry.HouseholdType;
import cn.linli.registry.NewHousehold;

/** Households (registry_household), with their building's address joined in. */
@Repository
public class HouseholdStore {

    private static final String SELECT = """
            select h.*, b.address as building_address, (select count(distinct m.resident_id) from registry_membership m
                where m.household_id = h.id and m.valid_to is null) as members
            from registry_household h
            join registry_building b on b.id = h.building_id""";

    private final JdbcClient jdbc;

    HouseholdStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewHousehold household, long gridId, ProtectedValue phone) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into registry_household (building_id, unit_no, floor_no, room, grid_id, type, phone, phone_index)
                values (:building, :unit, :floor, :room, :grid, :type, :phone, :phoneIndex)""")
                .param("building", household.buildingId()).param("unit", household.unitNo())
                .param("floor", household.floorNo()).param("room", household.room()).param("grid", gridId)
                .param("type", household.type().name())
                .param("phone", phone == null ? null : phone.storedText())
                .param("phoneIndex", phone == null ? null : phone.blindIndex())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean roomTaken(long buildingId, int unitNo, String room) {
        return jdbc.sql("select count(*) from registry_household where building_id = ? and unit_no = ? and room = ?")
                .params(buildingId, unitNo, room).query(Integer.class).single() > 0;
    }

    public Optional<Rows.Household> find(long id) {
        return jdbc.sql(SELECT + " where h.id = ?").param(id).query(HouseholdStore::row).optional();
    }

    public List<Rows.Household> inBuilding(long buildingId) {
        return jdbc.sql(SELECT + " where h.building_id = ? order by h.unit_no, h.floor_no, h.room")
                .param(buildingId).query(HouseholdStore::row).list();
    }

    public List<Rows.Household> inGrid(long gridId) {
        return jdbc.sql(SELECT + " where h.grid_id = ? order by b.address, h.unit_no, h.floor_no, h.room")
                .param(gridId).query(HouseholdStore::row).list();
    }

    /**
     * Households whose address ("building address unit-room") contains the text, within the scope. A text without
     * a space, a dash or only digits cannot reach across the parts, so it lies in the building's address or in the
     * room: the households of the scope's buildings whose address holds it, and those in a room that holds it (the
     * few distinct rooms are read from the room index first). The whole city then reads its buildings' addresses
     * and an index, not every household; other texts compare the whole address of the scope's households.
     */
    public List<Rows.Household> searchByAddress(String text, Scope scope, int limit) {
        String pattern = NameIndex.pattern(text);
        if (text.contains(" ") || text.contains("-") || text.chars().allMatch(Character::isDigit)) {
            // the building's grid is its households' grid; said of the building too, the database reads only the
            // scope's buildings instead of all the city's to match their addresses
            return jdbc.sql(SELECT + " where " + scope.condition("h.grid_id") + " and " + scope.condition("b.grid_id")
                            + " and concat(b.address, ' ', h.unit_no, '-', h.room) like :text escape '\\'"
                            + " order by b.address, h.unit_no, h.room limit :limit")
                    .param("grids", scope.bindable()).param("text", pattern).param("limit", limit)
                    .query(HouseholdStore::row).list();
        }
        List<String> rooms = roomsContaining(pattern);
        return jdbc.sql(SELECT + " where " + scope.condition("h.grid_id") + " and (h.building_id = any(array("
                        + "select a.id from registry_building a where " + scope.condition("a.grid_id")
                        + " and a.address like :text escape '\\'))" + (rooms.isEmpty() ? "" : " or h.room in (:rooms)") + ")"
                        + " order by b.address, h.unit_no, h.room limit :limit")
                .param("grids", scope.bindable()).param("text", pattern).param("rooms", rooms.isEmpty() ? List.of("") : rooms)
                .param("limit", limit).query(HouseholdStore::row).list();
    }

    /** The distinct room numbers that match, found by skipping through the room index from one value to the next. */
    private List<String> roomsContaining(String pattern) {
        return jdbc.sql("""
                with recursive rooms (room) as (
                    select min(room) from registry_household
                    union all
                    select (select min(h.room) from registry_household h where h.room > rooms.room) from rooms
                    where rooms.room is not null)
                select room from rooms where room like :text escape '\\'""").param("text", pattern).query(String.class).list();
    }

    public void setHead(long householdId, Long residentId) {
        jdbc.sql("update registry_household set head_id = ? where id = ?").params(residentId, householdId).update();
    }

    public Map<Long, Integer> countsByGrid() {
        return jdbc.sql("select grid_id, count(*) from registry_household group by grid_id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public int countInGrid(long gridId) {
        return jdbc.sql("select count(*) from registry_household where grid_id = ?").param(gridId).query(Integer.class).single();
    }

    static Rows.Household row(ResultSet rs, int n) throws SQLException {
        long head = rs.getLong("head_id");
        Long headOrNull = rs.wasNull() ? null : head;
        return new Rows.Household(rs.getLong("id"), rs.getLong("building_id"), rs.getString("building_address"),
                rs.getInt("unit_no"), rs.getInt("floor_no"), rs.getString("room"), rs.getLong("grid_id"),
                HouseholdType.valueOf(rs.getString("type")), rs.getString("phone"), rs.getString("phone_index"), headOrNull,
                rs.getInt("members"));
    }
}
