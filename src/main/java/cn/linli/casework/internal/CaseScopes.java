package cn.linli.casework.internal;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/** The signed-in user's {@link CaseScope}, computed from their jurisdiction on today's territory. */
@Component
public class CaseScopes {

    private final CurrentActor actors;
    private final TerritoryQueries territory;

    CaseScopes(CurrentActor actors, TerritoryQueries territory) {
        this.actors = actors;
        this.territory = territory;
    }

    public CaseScope current() {
        Actor actor = actors.current();
        if (actor.jurisdiction().unrestricted()) return CaseScope.CITY;
        DivisionTree tree = territory.tree(null);
        Set<Long> ids = new HashSet<>();
        for (Division top : tree.topsOf(actor.jurisdiction())) {
            // Cases record no city column: a jurisdiction given as the city means its counties.
            if (top.level() == DivisionLevel.CITY) tree.children(top.id()).forEach(c -> ids.add(c.id()));
            else ids.add(top.id());
        }
        return new CaseScope(false, ids);
    }
}
