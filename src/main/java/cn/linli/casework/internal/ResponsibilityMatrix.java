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
class ResponsibilityMatrix {

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
