package cn.linli.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;

/**
 * Everything Linli holds about one resident, for the resident themself (PIPL art. 45, the right to access and copy):
 * the personal fields in full, every household membership over time, the care tags, the visits to those households
 * while the resident belonged to them, and who read or changed the resident's record.
 */
public record ResidentData(long residentId, Instant exportedAt, String exportedBy, String reason, Personal personal,
        List<Membership> memberships, List<CareTagView> careTags, List<Visit> visits, List<Access> accesses) {

    public record Personal(String name, Gender gender, LocalDate birthDate, DocumentKind documentKind, String documentNumber,
            String phone, String ethnicity, String education, String employment, Boolean partyMember, ResidentStatus status,
            LocalDate statusSince) {
    }

    public record Membership(long householdId, String address, MembershipKind kind, Relation relation, LocalDate validFrom,
            LocalDate validTo) {
    }

    public record Visit(long householdId, LocalDate visitedOn, String visitor, String findings, boolean followUp) {
    }

    /** One line of the audit log about the resident: who, when, what (reads, unmasking, changes). */
    public record Access(Instant at, String actor, String action, String detail) {
    }
}
