package cn.linli.registry;

import java.time.LocalDate;
import java.util.List;

import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;

/**
 * A resident's card: identifiers masked, every membership over time, and the care tags the reader may see
 * (sensitive tags only for roles with READ_SENSITIVE, each such read audited; to others they are simply absent,
 * since even a "withheld" marker would disclose them). {@code version} is what a correction is based on;
 * {@code anonymisedOn} is set once the retention period has passed (name, document and phone are then gone).
 */
public record ResidentCard(long id, String name, Gender gender, LocalDate birthDate, DocumentKind documentKind,
        String document, String phone, String ethnicity, String education, String employment, Boolean partyMember,
        ResidentStatus status, LocalDate statusSince, List<MembershipView> memberships, List<CareTagView> careTags,
        int version, LocalDate anonymisedOn) {
}
