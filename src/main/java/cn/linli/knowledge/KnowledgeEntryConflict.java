package cn.linli.knowledge;

/**
 * The entry is not what the editor saw: someone saved another version meanwhile (409), or it does not exist (404).
 * Nothing was changed.
 */
public class KnowledgeEntryConflict extends RuntimeException {

    public enum Kind { CHANGED, NOT_FOUND }

    private final Kind kind;
    private final long entryId;

    public KnowledgeEntryConflict(Kind kind, long entryId) {
        super(kind + " knowledge entry " + entryId);
        this.kind = kind;
        this.entryId = entryId;
    }

    public Kind kind() {
        return kind;
    }

    public long entryId() {
        return entryId;
    }

    /** The message key of the user-facing text; its one argument is the entry id. */
    public String messageKey() {
        return kind == Kind.CHANGED ? "knowledge.conflict.changed" : "knowledge.conflict.not-found";
    }
}
