package cn.linli.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.linli.casework.CaseAttachment;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseState;
import cn.linli.casework.CaseWork;
import cn.linli.casework.PublicCases;
import cn.linli.casework.Satisfaction;
import cn.linli.portal.internal.Attempts;
import cn.linli.portal.internal.PortalActor;
import cn.linli.portal.internal.PortalStore;

/**
 * A reporter following their own case without an account: they prove it is theirs with its number and the last four
 * digits of their phone (wrong answers are counted per number and per client address; too many lock both for a
 * while, across every instance), then see its public timeline, rate the result once it is closed, or say it is not
 * fixed, which sends it back to the unit that handled it last.
 */
@Service
public class ResidentTracking {

    /** The reporter's case: its public view, timeline and photos, and what they may still do. */
    public record Tracked(PublicCases.PublicCase aCase, List<PublicCases.Line> timeline, List<CaseAttachment> photos,
            boolean mayRate, String rating, boolean followUpAsked, boolean mayAnswerFollowUp) {
    }

    private final PublicCases publicCases;
    private final CaseWork work;
    private final PortalActor portal;
    private final PortalStore store;
    private final Attempts attempts;
    private final PortalSettings settings;
    private final Clock clock;

    ResidentTracking(PublicCases publicCases, CaseWork work, PortalActor portal, PortalStore store, Attempts attempts,
            PortalSettings settings, Clock clock) {
        this.clock = clock;
        this.publicCases = publicCases;
        this.work = work;
        this.portal = portal;
        this.store = store;
        this.attempts = attempts;
        this.settings = settings;
    }

    /**
     * The id of the case when the digits are its reporter's.
     *
     * @throws PortalRejected 400 for a malformed number or digits, or a number and digits that do not match (the
     *         same for an unknown number); 429 while the number or the address is locked
     */
    public long prove(String number, String lastDigits, String clientAddress) {
        String n = number == null ? "" : number.strip();
        String digits = lastDigits == null ? "" : lastDigits.strip();
        if (!n.matches("\\d{8}-\\d{4,8}")) throw new PortalRejected("number", "portal.error.track-number");
        if (!digits.matches("\\d{4}")) throw new PortalRejected("digits", "portal.error.track-digits");
        Instant now = clock.instant();
        PortalSettings.Tracking t = settings.tracking();
        Optional<Instant> locked = attempts.lockedUntil(Attempts.TRACK_NUMBER, n, t.maxFailures(), t.window(), t.lock(), now)
                .or(() -> attempts.lockedUntil(Attempts.TRACK_ADDRESS, clientAddress, t.maxFailures(), t.window(), t.lock(), now));
        if (locked.isPresent()) {
            throw new PortalRejected(429, "number", "portal.error.track-locked", minutesUntil(locked.get(), now));
        }
        Optional<PublicCases.PublicCase> found = publicCases.ofReporter(n, digits);
        if (found.isEmpty()) {
            attempts.record(Attempts.TRACK_NUMBER, n, now);
            attempts.record(Attempts.TRACK_ADDRESS, clientAddress, now);
            throw new PortalRejected("digits", "portal.error.track-mismatch");
        }
        return found.get().id();
    }

    /** The case the reporter proved theirs. */
    public Optional<Tracked> view(long caseId) {
        return publicCases.forReporter(caseId).map(c -> {
            Optional<PortalStore.Report> report = store.report(caseId);
            String rating = report.map(PortalStore.Report::rating).orElse(null);
            boolean asked = report.map(r -> r.followUpSentAt() != null).orElse(false);
            return new Tracked(c, publicCases.timeline(List.of(caseId)), publicCases.photos(caseId),
                    c.state() == CaseState.CLOSED && rating == null, rating, asked,
                    asked && report.get().followUpAnswer() == null && !c.state().isOpen());
        });
    }

    /** The reporter's rating of a closed case, once: a second rating changes nothing. */
    public void rate(long caseId, Satisfaction answer) {
        if (answer == null || answer == Satisfaction.NOT_REACHED) throw new PortalRejected("rating", "portal.error.rating");
        PublicCases.PublicCase aCase = own(caseId);
        if (store.report(caseId).map(PortalStore.Report::rating).isPresent() || aCase.state() == CaseState.EVALUATED) return;
        if (aCase.state() != CaseState.CLOSED) throw new PortalRejected("rating", "portal.error.not-closed");
        casework(() -> work.returnVisit(caseId, null, answer, false, null));
        store.rate(caseId, answer.name(), clock.instant());
    }

    /** "Not fixed": reopened to the unit that handled it last, with what the reporter says. */
    public void notFixed(long caseId, String what) {
        PublicCases.PublicCase aCase = own(caseId);
        if (aCase.state().isOpen()) return;
        if (what == null || what.isBlank()) throw new PortalRejected("reason", "portal.error.reason-required");
        casework(() -> work.reopenToLastHandler(caseId, null, what.strip()));
        store.rate(caseId, Satisfaction.DISSATISFIED.name(), clock.instant());
    }

    /** The answer to the follow-up question; "no" reopens as {@link #notFixed} does. Answered once. */
    public void answerFollowUp(long caseId, boolean stillFixed, String what) {
        own(caseId);
        if (!stillFixed && (what == null || what.isBlank())) throw new PortalRejected("reason", "portal.error.reason-required");
        boolean open = store.report(caseId).map(r -> r.followUpSentAt() != null && r.followUpAnswer() == null).orElse(false);
        if (!open) return;
        if (!stillFixed) casework(() -> work.reopenToLastHandler(caseId, null, what.strip()));
        store.answerFollowUp(caseId, stillFixed ? "YES" : "NO", clock.instant());
    }

    private PublicCases.PublicCase own(long caseId) {
        return publicCases.forReporter(caseId).orElseThrow(() -> new PortalRejected("number", "portal.error.track-mismatch"));
    }

    private void casework(Runnable step) {
        try {
            portal.run(step);
        } catch (CaseRuleException e) {
            throw new PortalRejected(e.field() == null ? "rating" : e.field(), e.messageKey(), e.arguments());
        }
    }

    private static long minutesUntil(Instant until, Instant now) {
        return Math.max(1, (until.toEpochMilli() - now.toEpochMilli() + 59_999) / 60_000);
    }
}
