package cn.linli.registry;

import java.time.LocalDate;
import java.util.List;

/** A household as of a date: its members then (relation and kind) and the history of every move in and out. */
public record HouseholdCard(long id, long buildingId, String address, int unitNo, int floorNo, String room, long gridId,
        HouseholdType type, String phone, Long headId, LocalDate asOf, List<MembershipView> members,
        List<MembershipView> history) {
}
