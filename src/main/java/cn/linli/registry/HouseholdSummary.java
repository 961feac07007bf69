package cn.linli.registry;

/** A household in a list: where it is and how many people belong to it now (of either kind). */
public record HouseholdSummary(long id, String address, int unitNo, int floorNo, String room, long gridId,
        HouseholdType type, int members) {
}
