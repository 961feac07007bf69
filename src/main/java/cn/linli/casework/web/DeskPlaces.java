package cn.linli.casework.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.linli.access.Actor;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/**
 * The communities and grids a desk may place a request in when the caller gives only an address: those of the user's
 * jurisdiction, each community followed by its grids. Capped, since a city administrator's list would be the city.
 */
@Component
class DeskPlaces {

    static final int MAX = 400;

    /** One choice; grids are indented under their community. */
    record Place(long id, String name, String code, boolean grid) {
    }

    private final TerritoryQueries territory;

    DeskPlaces(TerritoryQueries territory) {
        this.territory = territory;
    }

    List<Place> of(Actor actor) {
        DivisionTree tree = territory.tree(null);
        List<Division> found = new ArrayList<>();
        for (Division top : tree.topsOf(actor.jurisdiction())) {
            if (top.level() == DivisionLevel.COMMUNITY || top.level() == DivisionLevel.GRID) found.add(top);
            tree.descendants(top.id()).stream()
                    .filter(d -> d.level() == DivisionLevel.COMMUNITY || d.level() == DivisionLevel.GRID).forEach(found::add);
            if (found.size() >= MAX) break;
        }
        return found.stream().sorted(Comparator.comparing(d -> d.code().value())).limit(MAX)
                .map(d -> new Place(d.id(), d.name(), d.code().value(), d.isGrid())).toList();
    }
}
