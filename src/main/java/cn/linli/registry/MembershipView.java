package cn.linli.registry;

import java.time.LocalDate;

/**
 * A period of a resident in a household. {@code householdId} and {@code address} are null when that household lies
 * outside the reader's scope: the reader learns that the resident is registered or lives elsewhere, not where.
 */
public record MembershipView(long residentId, String residentName, Long householdId, String address, MembershipKind kind,
        Relation relation, LocalDate validFrom, LocalDate validTo) {

    public boolean current() {
        return validTo == null;
    }
}
