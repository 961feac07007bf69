package cn.linli.shared;

/**
 * The identity documents a resident may show at a service window. Each kind has its own number format and masking
 * ({@link IdentityDocument}).
 */
public enum DocumentKind {

    /** 居民身份证: 18 characters, GB 11643-1999 with an ISO 7064 MOD 11-2 check character. */
    RESIDENT_ID_CARD,
    /** 港澳台居民居住证: the same format as the ID card, area code 810000 (Hong Kong), 820000 (Macao), 830000 (Taiwan). */
    RESIDENCE_PERMIT,
    /** 护照: Chinese (E12345678, EA1234567, G12345678) or foreign passports, 5–17 letters and digits. */
    PASSPORT,
    /** 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and 8 digits; cards before 2013 have 10 digits. */
    HK_MACAO_TRAVEL_PERMIT,
    /** 台湾居民来往大陆通行证: 8 digits. */
    TAIWAN_TRAVEL_PERMIT;

    /** The message-bundle key of the kind's name in the user's language. */
    public String labelKey() {
        return "shared.document." + name();
    }
}
