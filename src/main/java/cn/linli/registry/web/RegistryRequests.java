package cn.linli.registry.web;

import java.time.LocalDate;

import cn.linli.registry.MembershipKind;
import cn.linli.registry.NewResident;
import cn.linli.registry.Relation;
import cn.linli.registry.ResidentCorrection;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;

/** The bodies of the registry's API commands; the registry validates them and names the field at fault. */
final class RegistryRequests {

    private RegistryRequests() {
    }

    record Register(String name, Gender gender, LocalDate birthDate, DocumentKind documentKind, String documentNumber,
            String phone, String ethnicity, String education, String employment, Boolean partyMember, MembershipKind kind,
            Relation relation, LocalDate date) {

        NewResident resident() {
            return new NewResident(name, gender, birthDate, documentKind == null ? DocumentKind.RESIDENT_ID_CARD : documentKind,
                    documentNumber, phone, ethnicity, education, employment, partyMember);
        }
    }

    /** A correction; document number and phone left out stay as they are (see ResidentCorrection). */
    record Correct(Long version, String name, Gender gender, LocalDate birthDate, DocumentKind documentKind,
            String documentNumber, String phone, Boolean removePhone, String ethnicity, String education,
            String employment, Boolean partyMember, java.util.Map<MembershipKind, Relation> relations) {

        ResidentCorrection correction() {
            return new ResidentCorrection(version, name, gender, birthDate, documentKind, documentNumber, phone,
                    Boolean.TRUE.equals(removePhone), ethnicity, education, employment, partyMember, relations);
        }
    }

    /** A move: in (householdId, kind, relation), out (kind), within the city (all four); always a date. */
    record Move(Long householdId, MembershipKind kind, Relation relation, LocalDate date) {
    }

    record OnDate(LocalDate date) {
    }

    record CareTag(String type, Integer grade, LocalDate validFrom, LocalDate validTo) {
    }

    record Visit(LocalDate date, String findings, Boolean followUp) {
    }

    record Unmask(String reason) {
    }
}
