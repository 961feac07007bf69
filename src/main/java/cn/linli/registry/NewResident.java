package cn.linli.registry;

import java.time.LocalDate;

import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;
import cn.linli.shared.IdentityDocument;
import cn.linli.shared.InvalidIdentityDocumentException;

/**
 * A resident to register. The document number is checked against its kind; for numbers that carry a birth date and
 * sex (ID card, residence permit, GB 11643) the gender and date of birth given must agree with it, or may be left
 * out and are taken from it. The optional fields (ethnicity, education, employment, party membership) are
 * free text kept short.
 */
public record NewResident(String name, Gender gender, LocalDate birthDate, DocumentKind documentKind, String documentNumber,
        String phone, String ethnicity, String education, String employment, Boolean partyMember) {

    public NewResident {
        name = Check.text(name, "name", 50);
        IdentityDocument document = document(documentKind, documentNumber);
        documentNumber = document.number();
        var id = document.idNumber();
        if (id.isPresent()) {
            gender = agreeing(gender, id.get().gender(), "gender", "registry.error.gender-contradicts-id");
            birthDate = agreeing(birthDate, id.get().birthDate(), "birthDate", "registry.error.birth-date-contradicts-id");
        }
        Check.required(gender, "gender");
        Check.pastOrToday(birthDate, "birthDate");
        phone = Check.phone(phone, "phone");
        ethnicity = Check.optionalText(ethnicity, "ethnicity", 20);
        education = Check.optionalText(education, "education", 20);
        employment = Check.optionalText(employment, "employment", 20);
    }

    public NewResident(String name, DocumentKind documentKind, String documentNumber, String phone) {
        this(name, null, null, documentKind, documentNumber, phone, null, null, null, null);
    }

    public IdentityDocument document() {
        return new IdentityDocument(documentKind, documentNumber);
    }

    private static IdentityDocument document(DocumentKind kind, String number) {
        Check.required(kind, "documentKind");
        if (number == null || number.isBlank()) throw new RejectedRegistryInput("documentNumber", "registry.error.required");
        try {
            return IdentityDocument.parse(kind, number);
        } catch (InvalidIdentityDocumentException e) {
            throw new RejectedRegistryInput("documentNumber", e.messageKey());
        }
    }

    private static <T> T agreeing(T given, T fromNumber, String field, String code) {
        if (given != null && !given.equals(fromNumber)) throw new RejectedRegistryInput(field, code, fromNumber);
        return fromNumber;
    }
}
