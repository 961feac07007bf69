package cn.linli.organisation;

import cn.linli.access.Actor;
import cn.linli.access.Role;
import cn.linli.organisation.internal.Directory;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.DivisionTree;

/**
 * Which handling units a user may see: administrators all; staff the units within their jurisdiction, the
 * city-level departments (every place may need to send them a case), and the units they work for.
 */
final class UnitScope {

    private UnitScope() {
    }

    static boolean visible(Actor actor, HandlingUnit unit, DivisionTree tree, Directory directory) {
        if (actor.hasRole(Role.CITY_ADMIN) || actor.jurisdiction().unrestricted()) return true;
        if (unit.kind() == UnitKind.DEPARTMENT && tree.find(unit.homeUnitId()).map(d -> d.level() == DivisionLevel.CITY).orElse(false)) {
            return true;
        }
        if (tree.covers(actor.jurisdiction(), unit.homeUnitId())) return true;
        return directory.membershipsOf(actor.userId()).stream().anyMatch(m -> m.unitId() == unit.id());
    }
}
