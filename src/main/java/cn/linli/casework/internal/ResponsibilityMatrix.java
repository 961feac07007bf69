package cn.linli.casework.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.territory.Division;
import cn.linli.territory.TerritoryQueries;

/**
 * The responsibility matrix: explicit rules "category × place → main unit (+ co-handlers)" that the city sets where
 * the general principles do not give the right answer (a river bank that the water bureau looks after, a market that
 * the market regulator owns). The most local rule wins: a rule for a community before one for its district. A rule
 * for a major class applies to its minor classes.
 */
@Component
public class ResponsibilityMatrix {

    private final JdbcClient jdbc;
    private final TerritoryQueries territory;

    ResponsibilityMatrix(JdbcClient jdbc, TerritoryQueries territory) {
        this.jdbc = jdbc;
        this.territory = territory;
    }

    record Rule(String categoryCode, long placeUnitId, long mainUnit, Set<Long> coUnits) {
    }

    Optional<Rule> find(String categoryCode, long placeUnitId) {
        if (categoryCode == null) return Optional.empty();
        List<Rule> rules = rulesFor(categoryCode);
        if (rules.isEmpty()) return Optional.empty();
        var tree = territory.tree(null);
        List<Division> lineage = new java.util.ArrayList<>(tree.find(placeUnitId).stream().toList());
        List<Division> ancestors = new java.util.ArrayList<>(tree.ancestors(placeUnitId));
        java.util.Collections.reverse(ancestors);
        lineage.addAll(ancestors);
        Map<Long, Rule> byPlace = rules.stream().collect(Collectors.toMap(Rule::placeUnitId, r -> r, (a, b) ->
                a.categoryCode().length() >= b.categoryCode().length() ? a : b));
        return lineage.stream().map(d -> byPlace.get(d.id())).filter(r -> r != null).findFirst();
    }

    public List<cn.linli.casework.ResponsibilityRules.Rule> all() {
        return jdbc.sql("select id, category_code, place_unit_id, main_unit, co_units, note from casework_responsibility order by category_code, id")
                .query((rs, n) -> new cn.linli.casework.ResponsibilityRules.Rule(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), parse(rs.getString(5)), rs.getString(6)))
                .list();
    }

    public boolean exists(String categoryCode, long placeUnitId) {
        return jdbc.sql("select count(*) from casework_responsibility where category_code = :code and place_unit_id = :place")
                .param("code", categoryCode).param("place", placeUnitId).query(Long.class).single() > 0;
    }

    public cn.linli.casework.ResponsibilityRules.Rule insert(String categoryCode, long placeUnitId, long mainUnit, Set<Long> coUnits,
            String note) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        String co = coUnits.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.sql("""
                insert into casework_responsibility (category_code, place_unit_id, main_unit, co_units, note)
                values (:code, :place, :main, :co, :note)""")
                .param("code", categoryCode).param("place", placeUnitId).param("main", mainUnit)
                .param("co", co.isEmpty() ? null : co).param("note", note)
                .update(keys, "id");
        return new cn.linli.casework.ResponsibilityRules.Rule(keys.getKey().longValue(), categoryCode, placeUnitId, mainUnit,
                coUnits, note);
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from casework_responsibility where id = :id").param("id", id).update() > 0;
    }

    private List<Rule> rulesFor(String categoryCode) {
        return jdbc.sql("""
                select category_code, place_unit_id, main_unit, co_units from casework_responsibility
                where :code = category_code or :code like category_code || '%'""")
                .param("code", categoryCode)
                .query((rs, n) -> new Rule(rs.getString(1), rs.getLong(2), rs.getLong(3), parse(rs.getString(4))))
                .list();
    }

    private static Set<Long> parse(String list) {
        if (list == null || list.isBlank()) return Set.of();
        return java.util.Arrays.stream(list.split(",")).map(String::strip).map(Long::valueOf).collect(Collectors.toSet());
    }
}
