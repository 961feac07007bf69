package cn.linli.open311;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.linli.casework.PublicCases;
import cn.linli.open311.internal.RequestStore;

/**
 * Notes client applications add to a request (servicerequestupdates extension, as FixMyStreet sends a resident's
 * comment). Casework has no comment line in a case's history, so a note is kept by Open311 and published on the
 * request's public timeline and shown to staff on the case page ({@code casework.OutsideNotes}); it changes neither
 * the case nor its status (docs/decisions/0008).
 */
@Service
public class RequestNotes {

    private static final int DESCRIPTION_MAX = 4000;
    private static final int EXTERNAL_ID_MAX = 100;

    private final PublicCases cases;
    private final RequestStore store;
    private final Clock clock;

    RequestNotes(PublicCases cases, RequestStore store, Clock clock) {
        this.clock = clock;
        this.cases = cases;
        this.store = store;
    }

    /** Adds the note and answers its update id; a note the client sent before under the same id is not added twice. */
    public String add(Open311Client client, String requestId, String description, String mediaUrl, String externalId) {
        String number = ServiceRequests.blankToNull(requestId);
        if (number == null) throw new Open311Rejected(400, "service_request_id was not provided");
        String text = ServiceRequests.blankToNull(description);
        if (text == null) throw new Open311Rejected(400, "description was not provided");
        if (text.length() > DESCRIPTION_MAX) throw new Open311Rejected(400, "description may have at most " + DESCRIPTION_MAX + " characters");
        String external = ServiceRequests.blankToNull(externalId);
        if (external != null && external.length() > EXTERNAL_ID_MAX) {
            throw new Open311Rejected(400, "update_id may have at most " + EXTERNAL_ID_MAX + " characters");
        }
        String media = ServiceRequests.mediaUrl(mediaUrl);
        Optional<PublicCases.PublicCase> aCase = cases.byNumber(number);
        if (aCase.isEmpty()) throw new Open311Rejected(404, "service_request_id " + number + " was not found");
        return noteId(store.addNote(client.id(), aCase.get().id(), text, media, external, clock.instant()));
    }

    /** Update ids of client notes are told apart from those of the case's own lines by their prefix. */
    public static String noteId(long id) {
        return "n" + id;
    }
}
