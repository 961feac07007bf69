package cn.linli.registry;

/** Where an import stands. Nothing is written to the registry before IMPORTED, and IMPORTED is all of it at once. */
public enum ImportState {

    /** Uploaded; the mapping of the file's headings is proposed and waits for the user. */
    MAPPING,
    /** The whole file is being checked in the background. */
    VALIDATING,
    /** Checked; the user chooses to import the good rows or to fix the file and upload it again. */
    VALIDATED,
    /** The good rows are being written, in one transaction. */
    IMPORTING,
    /** The good rows are in the registry. */
    IMPORTED,
    /**
     * The import failed and was rolled back, or its instance died while it ran (failure "interrupted", found by
     * ImportSweep): the registry is as it was; it may be tried again.
     */
    FAILED,
    /** The file could not be read through; nothing was written. */
    UNREADABLE;

    public boolean running() {
        return this == VALIDATING || this == IMPORTING;
    }

    public String labelKey() {
        return "registry.import.state." + name();
    }
}
