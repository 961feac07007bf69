package cn.linli.casework.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import cn.linli.casework.ResponsibilityRules;
import cn.linli.territory.Division;
import cn.linli.territory.TerritoryQueries;

/**
 * The responsibility matrix: explicit rules "category × place → main unit (+ co-handlers)" that the city sets where
 * the general principles do not give the right answer (a river bank that the water bureau looks after, a market that
 * the market regulator owns). The most local rule wins: a rule for a community before one for its district. A rule
 * for a major class applies to its minor classes; at one place a rule for the minor class wins over its major's.
 */
@Component
public class ResponsibilityMatrix {

    private static final String COLUMNS = "id, category_code, place_unit_id, main_unit, co_units, note";

    private final JdbcClient jdbc;
    private final TerritoryQueries territory;

    ResponsibilityMatrix(JdbcClient jdbc, TerritoryQueries territory) {
        this.jdbc = jdbc;
        this.territory = territory;
    }

    /** The rule that decides for the category at the place: the most local one, the most specific at that place. */
    public Optional<ResponsibilityRules.Rule> deciding(String categoryCode, long placeUnitId) {
        if (categoryCode == null) return Optional.empty();
        List<ResponsibilityRules.Rule> rules = rulesFor(categoryCode);
        if (rules.isEmpty()) return Optional.empty();
        var tree = territory.tree(null);
        List<Division> lineage = new ArrayList<>(tree.find(placeUnitId).stream().toList());
        List<Division> ancestors = new ArrayList<>(tree.ancestors(placeUnitId));
        Collections.reverse(ancestors);
        lineage.addAll(ancestors);
        Map<Long, ResponsibilityRules.Rule> byPlace = rules.stream().collect(Collectors.toMap(ResponsibilityRules.Rule::placeUnitId,
                r -> r, (a, b) -> a.categoryCode().length() >= b.categoryCode().length() ? a : b));
        return lineage.stream().map(d -> byPlace.get(d.id())).filter(r -> r != null).findFirst();
    }

    public List<ResponsibilityRules.Rule> all() {
        return jdbc.sql("select " + COLUMNS + " from casework_responsibility order by category_code, id").query(this::rule).list();
    }

    public Optional<ResponsibilityRules.Rule> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from casework_responsibility where id = :id").param("id", id).query(this::rule).optional();
    }

    /** Whether another rule (not {@code exceptId}) already holds the category at the place. */
    public boolean exists(String categoryCode, long placeUnitId, Long exceptId) {
        return jdbc.sql("""
                select count(*) from casework_responsibility where category_code = :code and place_unit_id = :place
                and id <> :except""")
                .param("code", categoryCode).param("place", placeUnitId).param("except", exceptId == null ? -1L : exceptId)
                .query(Long.class).single() > 0;
    }

    public ResponsibilityRules.Rule insert(String categoryCode, long placeUnitId, long mainUnit, Set<Long> coUnits, String note) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into casework_responsibility (category_code, place_unit_id, main_unit, co_units, note)
                values (:code, :place, :main, :co, :note)""")
                .param("code", categoryCode).param("place", placeUnitId).param("main", mainUnit)
                .param("co", list(coUnits)).param("note", note)
                .update(keys, "id");
        return new ResponsibilityRules.Rule(keys.getKey().longValue(), categoryCode, placeUnitId, mainUnit, coUnits, note);
    }

    public ResponsibilityRules.Rule update(long id, String categoryCode, long placeUnitId, long mainUnit, Set<Long> coUnits, String note) {
        jdbc.sql("""
                update casework_responsibility set category_code = :code, place_unit_id = :place, main_unit = :main,
                    co_units = :co, note = :note where id = :id""")
                .param("code", categoryCode).param("place", placeUnitId).param("main", mainUnit)
                .param("co", list(coUnits)).param("note", note).param("id", id)
                .update();
        return new ResponsibilityRules.Rule(id, categoryCode, placeUnitId, mainUnit, coUnits, note);
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from casework_responsibility where id = :id").param("id", id).update() > 0;
    }

    private List<ResponsibilityRules.Rule> rulesFor(String categoryCode) {
        return jdbc.sql("select " + COLUMNS + " from casework_responsibility"
                        + " where :code = category_code or :code like category_code || '%'")
                .param("code", categoryCode).query(this::rule).list();
    }

    private ResponsibilityRules.Rule rule(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ResponsibilityRules.Rule(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), parse(rs.getString(5)),
                rs.getString(6));
    }

    private static String list(Set<Long> units) {
        String co = units.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        return co.isEmpty() ? null : co;
    }

    private static Set<Long> parse(String list) {
        if (list == null || list.isBlank()) return Set.of();
        return Arrays.stream(list.split(",")).map(String::strip).map(Long::valueOf).collect(Collectors.toSet());
    }
}
