package cn.linli.open311.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.casework.PublicCases;
import cn.linli.open311.Open311Client;
import cn.linli.open311.Open311Rejected;
import cn.linli.open311.RequestNotes;
import cn.linli.open311.internal.RequestStore;

/**
 * The servicerequestupdates extension of GeoReport v2 (as FixMyStreet uses it): GET lists the public timeline lines of
 * requests (the case's own lines and clients' notes) changed in a period, or of one request; POST adds a client's note.
 */
@RestController
@RequestMapping("/open311/v2")
class UpdatesApi {

    private static final int LIMIT = 1000;
    /** Without dates, the last day: clients poll this regularly. */
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(1);

    private final PublicCases cases;
    private final RequestStore store;
    private final RequestNotes notes;
    private final ClientGate gate;
    private final JurisdictionCheck jurisdictions;
    private final MessageSource messages;
    private final Clock clock;

    UpdatesApi(PublicCases cases, RequestStore store, RequestNotes notes, ClientGate gate, JurisdictionCheck jurisdictions,
            MessageSource messages, Clock clock) {
        this.clock = clock;
        this.cases = cases;
        this.store = store;
        this.notes = notes;
        this.gate = gate;
        this.jurisdictions = jurisdictions;
        this.messages = messages;
    }

    private record Update(String id, long caseId, String number, Boolean open, Instant at, String description, String media) {
    }

    @GetMapping("/servicerequestupdates.{format}")
    ResponseEntity<String> updates(@PathVariable String format, @RequestParam Map<String, String> query, Locale locale) {
        Format f = Format.of(format);
        jurisdictions.require(query.get("jurisdiction_id"));
        String number = query.get("service_request_id");
        List<Update> updates = new ArrayList<>();
        if (number != null && !number.isBlank()) {
            PublicCases.PublicCase aCase = cases.byNumber(number.strip())
                    .orElseThrow(() -> new Open311Rejected(404, "service_request_id " + number + " was not found"));
            cases.timeline(List.of(aCase.id())).forEach(line -> updates.add(update(line, locale)));
            store.notesOf(List.of(aCase.id())).forEach(note -> updates.add(update(note, aCase)));
        } else {
            Instant end = RequestViews.date("end_date", query.get("end_date"));
            Instant start = RequestViews.date("start_date", query.get("start_date"));
            if (end == null) end = clock.instant().plusSeconds(1);
            if (start == null) start = end.minus(DEFAULT_PERIOD);
            if (end.isBefore(start)) throw new Open311Rejected(400, "end_date is before start_date");
            cases.linesBetween(start, end, LIMIT).forEach(line -> updates.add(update(line, locale)));
            List<RequestStore.Note> clientNotes = store.notesBetween(start, end, LIMIT);
            Map<Long, PublicCases.PublicCase> visible = new HashMap<>();
            cases.byIds(clientNotes.stream().map(RequestStore.Note::caseId).distinct().toList()).forEach(c -> visible.put(c.id(), c));
            clientNotes.stream().filter(n -> visible.containsKey(n.caseId())).forEach(n -> updates.add(update(n, visible.get(n.caseId()))));
        }
        updates.sort(Comparator.comparing(Update::at).thenComparing(Update::id));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Update u : updates.subList(0, Math.min(LIMIT, updates.size()))) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("update_id", u.id());
            fields.put("service_request_id", u.number());
            fields.put("status", RequestViews.status(u.open()));
            fields.put("updated_datetime", RequestViews.time(u.at()));
            fields.put("description", PublicText.redact(u.description()));
            fields.put("media_url", u.media());
            list.add(fields);
        }
        return f.list("service_request_updates", "request_update", list);
    }

    @PostMapping("/servicerequestupdates.{format}")
    ResponseEntity<String> post(@PathVariable String format, HttpServletRequest http) {
        Format f = Format.of(format);
        jurisdictions.require(http.getParameter("jurisdiction_id"));
        Open311Client client = gate.writer(http.getParameter("api_key"));
        String id = notes.add(client, http.getParameter("service_request_id"), http.getParameter("description"),
                http.getParameter("media_url"), http.getParameter("update_id"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("update_id", id);
        return f.list("service_request_updates", "request_update", List.of(fields));
    }

    private Update update(PublicCases.Line line, Locale locale) {
        String text = line.note() != null ? line.note()
                : messages.getMessage("open311.update." + line.action().name(), null, line.action().name(), locale);
        return new Update("h" + line.id(), line.caseId(), line.caseNumber(), line.toState().isOpen(), line.at(), text, null);
    }

    private static Update update(RequestStore.Note note, PublicCases.PublicCase aCase) {
        return new Update(RequestNotes.noteId(note.id()), note.caseId(), aCase.number(), aCase.state().isOpen(), note.at(),
                note.description(), note.mediaUrl());
    }
}
