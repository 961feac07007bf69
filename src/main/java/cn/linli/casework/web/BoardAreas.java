package cn.linli.casework.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.linli.access.Actor;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/**
 * The areas the board can be narrowed to: the units of the user's jurisdiction and the units one level below them
 * (a street's communities, a district's streets; the city's districts and their streets), never below community.
 */
@Component
class BoardAreas {

    /** One choice; a child is indented under its parent. */
    record Area(long id, String name, boolean child) {
    }

    private final TerritoryQueries territory;

    BoardAreas(TerritoryQueries territory) {
        this.territory = territory;
    }

    List<Area> of(Actor actor) {
        DivisionTree tree = territory.tree(null);
        List<Division> tops = new ArrayList<>();
        for (Division top : tree.topsOf(actor.jurisdiction())) {
            if (top.level() == DivisionLevel.CITY) tops.addAll(tree.children(top.id()));
            else tops.add(top);
        }
        List<Area> areas = new ArrayList<>();
        for (Division top : tops) {
            areas.add(new Area(top.id(), top.name(), false));
            if (top.level() == DivisionLevel.COMMUNITY || top.level() == DivisionLevel.GRID) continue;
            tree.children(top.id()).forEach(c -> areas.add(new Area(c.id(), c.name(), true)));
        }
        return areas;
    }

    boolean covers(Actor actor, long unitId) {
        return territory.covers(actor.jurisdiction(), unitId, null);
    }
}
