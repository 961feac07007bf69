package cn.linli.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An identity document: its kind and its number, checked against the kind's format. Resident ID cards and residence
 * permits are checked as {@link IdNumber}s (check character included); the other kinds by their printed pattern,
 * since they carry no check character that is published.
 * <p>
 * {@link #toString()} gives the masked form, so a number that slips into a log line or a page is not disclosed.
 */
public record IdentityDocument(DocumentKind kind, String number) {

    /** 810000 Hong Kong, 820000 Macao, 830000 Taiwan: the area codes of 港澳台居民居住证 (国办发〔2018〕81号). */
    private static final Set<String> RESIDENCE_PERMIT_AREAS = Set.of("810000", "820000", "830000");
    /** Letters and digits only; at least one digit, because every real passport number has some. */
    private static final Pattern PASSPORT = Pattern.compile("(?=.*\\d)[A-Z0-9]{5,17}");
    private static final Pattern HK_MACAO = Pattern.compile("[HM](\\d{8}|\\d{10})");
    private static final Pattern TAIWAN = Pattern.compile("\\d{8}");

    public IdentityDocument {
        if (kind == null) {
            throw new IllegalArgumentException("an identity document needs its kind");
        }
        number = number == null ? null : number.toUpperCase(Locale.ROOT);
        switch (kind) {
            case RESIDENT_ID_CARD -> {
                if (RESIDENCE_PERMIT_AREAS.contains(new IdNumber(number).areaCode())) {
                    throw new InvalidIdentityDocumentException(kind, "kind", "this is the number of a residence permit");
                }
            }
            case RESIDENCE_PERMIT -> residencePermit(number);
            case PASSPORT -> require(kind, number, PASSPORT, "5 to 17 letters and digits");
            case HK_MACAO_TRAVEL_PERMIT -> require(kind, number, HK_MACAO, "H or M followed by 8 (older cards 10) digits");
            case TAIWAN_TRAVEL_PERMIT -> require(kind, number, TAIWAN, "8 digits");
        }
    }

    /** Reads a number as people type it: spaces removed, full-width characters and lower-case letters accepted. */
    public static IdentityDocument parse(DocumentKind kind, String number) {
        return new IdentityDocument(kind, number == null ? null
                : Normalizer.normalize(number, Normalizer.Form.NFKC).replaceAll("\\s+", ""));
    }

    /** The ID number of a resident ID card or residence permit; empty for the other kinds. */
    public java.util.Optional<IdNumber> idNumber() {
        return kind == DocumentKind.RESIDENT_ID_CARD || kind == DocumentKind.RESIDENCE_PERMIT
                ? java.util.Optional.of(new IdNumber(number)) : java.util.Optional.empty();
    }

    /**
     * ID numbers keep their first and last 4 characters; the shorter numbers of the other kinds keep the first and
     * the last 3, so that at least half of a 9-character number is hidden.
     */
    public String masked() {
        return idNumber().map(IdNumber::masked)
                .orElseGet(() -> number.charAt(0) + "*".repeat(number.length() - 4) + number.substring(number.length() - 3));
    }

    @Override
    public String toString() {
        return kind + " " + masked();
    }

    private static void residencePermit(String number) {
        IdNumber id;
        try {
            id = new IdNumber(number);
        } catch (InvalidIdNumberException e) {
            throw new InvalidIdentityDocumentException(DocumentKind.RESIDENCE_PERMIT, e.reason(),
                    "it breaks the GB 11643 format (" + e.reason() + ")");
        }
        if (!RESIDENCE_PERMIT_AREAS.contains(id.areaCode())) {
            throw new InvalidIdentityDocumentException(DocumentKind.RESIDENCE_PERMIT, "area",
                    "a residence permit number starts with 810000, 820000 or 830000");
        }
    }

    private static void require(DocumentKind kind, String number, Pattern pattern, String rule) {
        if (number == null || !pattern.matcher(number).matches()) {
            throw new InvalidIdentityDocumentException(kind, "pattern", "it must be " + rule);
        }
    }
}
