package cn.linli.casework.internal;

/** Sizes the platform accepts, in one place so the pages, the API and the rules agree. */
final class CaseLimits {

    /** A description may be long (a resident's account of a dispute); the issue sets 4,000 characters. */
    static final int DESCRIPTION_MAX = 4000;
    /** Reasons, results, answers and instructions. */
    static final int NOTE_MAX = 2000;
    static final int TITLE_MAX = 200;

    private CaseLimits() {
    }
}
