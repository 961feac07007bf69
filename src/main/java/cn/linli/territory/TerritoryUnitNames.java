package cn.linli.territory;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.linli.access.Jurisdiction;
import cn.linli.access.UnitNames;

/**
 * The names of divisions and grids for access's account pages: the units a user serves are territory units (a
 * department's staff serve the places the department covers; their department is an organisation membership, which
 * has ids of its own and is not named here). As of today; the names of the city's units are public, so unscoped.
 */
@Component
class TerritoryUnitNames implements UnitNames {

    private final TerritoryQueries territory;

    TerritoryUnitNames(TerritoryQueries territory) {
        this.territory = territory;
    }

    @Override
    public List<NamedUnit> search(String text, int limit) {
        DivisionTree tree = territory.tree(null);
        return territory.search(Jurisdiction.wholeCity(), text, null, limit).stream().map(d -> named(tree, d)).toList();
    }

    @Override
    public Optional<NamedUnit> find(long unitId) {
        DivisionTree tree = territory.tree(null);
        return tree.find(unitId).map(d -> named(tree, d));
    }

    private static NamedUnit named(DivisionTree tree, Division division) {
        String within = division.parentId() == null ? null
                : tree.find(division.parentId()).map(Division::name).orElse(null);
        return new NamedUnit(division.id(), division.name(), division.code().value(), within);
    }
}
