package cn.linli.shared;

/** The sex recorded in a resident ID number (GB 11643: odd sequence number male, even female). */
public enum Gender {
    MALE, FEMALE
}
