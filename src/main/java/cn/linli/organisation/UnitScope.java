package cn.linli.organisation;

import cn.linli.access.Actor;
import cn.linli.access.Role;
import cn.linli.organisation.internal.Directory;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.DivisionTree;

/**
 * Which handling units a user may see: administrators all; staff the units within their jurisdiction, the
 * city-level departments (every place may need to send them a case), the departments serving their places, and the
 * units they work for.
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
        if (unit.kind() == UnitKind.DEPARTMENT && servesJurisdiction(actor, unit, tree)) return true;
        return directory.membershipsOf(actor.userId()).stream().anyMatch(m -> m.unitId() == unit.id());
    }

    /** A department that covers a place of the jurisdiction, e.g. the district bureau for a street's staff. */
    private static boolean servesJurisdiction(Actor actor, HandlingUnit unit, DivisionTree tree) {
        for (long place : actor.jurisdiction().unitIds()) {
            if (unit.coverage().contains(place)) return true;
            if (tree.ancestors(place).stream().anyMatch(a -> unit.coverage().contains(a.id()))) return true;
        }
        return false;
    }
}
