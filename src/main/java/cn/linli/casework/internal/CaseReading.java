package cn.linli.casework.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.linli.access.Mask;
import cn.linli.access.PersonalDataProtection;
import cn.linli.access.ProtectedValue;
import cn.linli.casework.CaseView;

/** Reads cases for the user who asks, within their scope, with the reporter's phone masked. */
@Component
public class CaseReading {

    private final Cases cases;
    private final CaseActors actors;
    private final PersonalDataProtection protection;

    CaseReading(Cases cases, CaseActors actors, PersonalDataProtection protection) {
        this.cases = cases;
        this.actors = actors;
        this.protection = protection;
    }

    public Optional<Long> idByNumber(String number) {
        return cases.idByNumber(number);
    }

    public Optional<CaseView> find(long id) {
        var stored = cases.load(id);
        if (stored.isEmpty()) return Optional.empty();
        var where = stored.get().whereabouts();
        if (!actors.maySee(actors.current(where.place()), where.units())) return Optional.empty();
        CaseDetails details = stored.get().details();
        String phone = details.reporterPhone() == null ? null : protection.revealMasked(Intake.REPORTER_PHONE,
                ProtectedValue.ofStoredText(details.reporterPhone(), details.reporterPhoneIndex()), Mask.PHONE);
        return Optional.of(view(stored.get().aCase().snapshot(), details, phone, cases.lines(id), cases.related(id)));
    }

    /**
     * The case an intake has just written, as {@link #find} would read it back (intake answers with it without a
     * second look at the database). Its actor took it in, so it is in their scope unless only a city-wide role let
     * them take it in.
     */
    Optional<CaseView> written(CaseActor actor, CaseSnapshot saved, CaseDetails details, String phone, List<Cases.Line> lines) {
        if (!actors.maySee(actor, Set.of())) return Optional.empty();
        return Optional.of(view(saved, details, phone == null ? null : Mask.PHONE.apply(phone), lines, List.of()));
    }

    /**
     * The one place a view is put together, for a case read and for one just written. The co-handlers (协办) are
     * those of the current dispatch; units of earlier dispatches appear in the timeline only. A case just taken in
     * has no related cases yet (a merge is a later step).
     */
    private static CaseView view(CaseSnapshot s, CaseDetails d, String maskedPhone, List<Cases.Line> lines,
            List<CaseView.Related> related) {
        var timeline = lines.stream().map(l -> new CaseView.Entry(l.id(), l.record().action(), l.record().from(),
                l.record().to(), l.record().unitId(), l.record().actor(), l.record().at(), l.record().note(),
                l.record().oldDeadline(), l.record().newDeadline())).toList();
        CaseDetails.Place place = d.place();
        return new CaseView(s.id(), s.number(), s.version(), s.state(), d.requestType(), d.channel(), s.categoryCode(),
                s.urgent(), d.title(), d.description(), d.lng(), d.lat(), d.address(), place.gridId(), place.communityId(),
                d.reporterName(), maskedPhone, d.anonymous(), d.confidential(), s.mainUnit(),
                s.coUnits().stream().sorted().toList(), s.deadline(), s.requestedDeadline(), d.receivedAt(), s.mergedInto(),
                s.satisfaction(), timeline, related);
    }
}
