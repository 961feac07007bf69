package cn.linli.casework;

import java.time.Instant;
import java.util.List;

/**
 * Notes that outside systems added to a case without changing it, e.g. a resident's comment that an Open311 client
 * (FixMyStreet) sent as a service request update. Casework shows them to staff on the case page; the module that
 * receives them implements this (the consumer owns the interface, as with {@link CallerDirectory}). Staff see them
 * only on cases they may open, so no scope check is needed here.
 */
public interface OutsideNotes {

    /** A note as received: which system sent it, what it says, a link to its picture if any, when. */
    record Note(String source, String text, String mediaUrl, Instant at) {
    }

    /** The case's notes, oldest first. */
    List<Note> of(long caseId);
}
