package cn.linli.registry;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;

/**
 * A correction of a resident's details, based on the {@code version} of the record the user read. Name, ethnicity,
 * education, employment and party membership are replaced as given (blank clears the optional ones). The document
 * number and phone are shown masked, so nobody can type them back: left out they stay as they are, and
 * {@code removePhone} clears the phone. Gender and date of birth left out are taken from an ID number, or kept.
 * {@code relations} corrects the relation to the head in the current household of each kind given; kinds left out
 * stay as they are.
 */
public record ResidentCorrection(Long version, String name, Gender gender, LocalDate birthDate, DocumentKind documentKind,
        String documentNumber, String phone, boolean removePhone, String ethnicity, String education, String employment,
        Boolean partyMember, Map<MembershipKind, Relation> relations) {

    public ResidentCorrection {
        Map<MembershipKind, Relation> given = new EnumMap<>(MembershipKind.class);
        if (relations != null) relations.forEach((kind, relation) -> {
            if (kind != null && relation != null) given.put(kind, relation);
        });
        relations = Map.copyOf(given);
    }

    boolean newDocument() {
        return documentNumber != null && !documentNumber.isBlank();
    }

    boolean newPhone() {
        return phone != null && !phone.isBlank();
    }
}
