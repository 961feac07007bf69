package cn.linli.registry.importing;

import java.util.Set;

import cn.linli.registry.BuildingType;
import cn.linli.registry.HouseholdType;
import cn.linli.registry.MembershipKind;
import cn.linli.registry.NewResident;
import cn.linli.registry.Relation;

/**
 * One valid row: the building, the household and, unless the row lists an empty household, the resident with the
 * memberships to open. {@code documentKey} is the normal document number, unique in the registry whatever the kind (as its blind index is).
 */
record ImportRow(int rowNo, String address, long gridId, BuildingType buildingType, int unit, int floor, String room,
        HouseholdType householdType, String headName, NewResident resident, Relation relation, Set<MembershipKind> kinds) {

    String buildingKey() {
        return gridId + "\u0000" + address;
    }

    String householdKey() {
        return buildingKey() + "\u0000" + unit + "\u0000" + room;
    }

    String documentKey() {
        return resident == null ? null : resident.documentNumber();
    }
}
