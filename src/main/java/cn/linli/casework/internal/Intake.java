package cn.linli.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.PersonalDataProtection;
import cn.linli.access.PersonalField;
import cn.linli.access.ProtectedValue;
import cn.linli.casework.CaseReceipt;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseStage;
import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.casework.NewAttachment;
import cn.linli.casework.NewCase;

/**
 * Intake (前台一口受理): validates the request as a whole, places it in the territory, numbers it, and registers it
 * at once when the category is known. Retried with the same idempotency key, it returns the first case.
 */
@Component
public class Intake {

    static final PersonalField REPORTER_PHONE = new PersonalField("casework.case.reporter_phone");
    private static final int KEY_MAX = 100;

    private final Cases cases;
    private final CaseNumbers numbers;
    private final Places places;
    private final CaseActors actors;
    private final Categories categories;
    private final Deadlines deadlines;
    private final PersonalDataProtection protection;
    private final CaseEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CaseFiles files;

    Intake(Cases cases, CaseNumbers numbers, Places places, CaseActors actors, Categories categories, Deadlines deadlines,
            PersonalDataProtection protection, CaseEvents events, TransactionTemplate transactions, Clock clock, CaseFiles files) {
        this.files = files;
        this.cases = cases;
        this.numbers = numbers;
        this.places = places;
        this.actors = actors;
        this.categories = categories;
        this.deadlines = deadlines;
        this.protection = protection;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public CaseReceipt receive(NewCase request) {
        return receive(request, List.of());
    }

    /** With the photos and files the caller brought; one bad file refuses the whole intake. */
    public CaseReceipt receive(NewCase request, List<NewAttachment> attachments) {
        String key = key(request.idempotencyKey());
        if (key != null) {
            var earlier = cases.idByIdempotencyKey(key).flatMap(cases::find);
            if (earlier.isPresent()) return new CaseReceipt(earlier.get().id(), earlier.get().number(), earlier.get().state(), true);
        }
        try {
            numbers.open(today());
            try {
                return transactions.execute(status -> create(request, key, attachments));
            } catch (CaseNumbers.DayNotOpen e) {
                // Midnight passed between opening and numbering.
                numbers.open(e.day);
                return transactions.execute(status -> create(request, key, attachments));
            }
        } catch (DuplicateKeyException e) {
            // The same key committed by a concurrent retry between our look-up and our insert: answer with that case.
            Case first = cases.idByIdempotencyKey(key).flatMap(cases::find).orElseThrow(() -> e);
            return new CaseReceipt(first.id(), first.number(), first.state(), true);
        }
    }

    private CaseReceipt create(NewCase request, String key, List<NewAttachment> attachments) {
        IntakeForm form = IntakeForm.check(request);
        CaseFiles.Checked checked = files.check(attachments);
        Category category = form.categoryCode() == null ? null : intakeCategory(form.categoryCode());
        CaseDetails.Place place = places.of(request.point(), request.placeUnitId());
        CaseActor actor = actors.current(place);
        if (!actor.mayTakeIn()) throw CaseRuleException.forbidden("case.rule.not-intake");
        Instant now = clock.instant();
        CaseNumbers.Drawn drawn = numbers.next(LocalDate.ofInstant(now, Categories.CITY_ZONE));
        Case aCase = Case.received(drawn.id(), drawn.number(),
                request.wantsReturnVisit() && !request.anonymous(), actor, now);
        if (category != null) {
            String code = category.code().value();
            aCase.register(code, request.urgent(), deadlines.due(code, request.urgent(), CaseStage.DISPATCH, now, now), actor, now);
        }
        ProtectedValue phone = form.phone() == null ? null : protection.protect(REPORTER_PHONE, form.phone());
        var details = new CaseDetails(form.type().name(), form.channel(), form.title(), form.description(),
                request.point() == null ? null : request.point().lng(), request.point() == null ? null : request.point().lat(),
                form.address(), place, request.anonymous() ? null : form.reporterName(),
                phone == null ? null : phone.storedText(), phone == null ? null : phone.blindIndex(), request.anonymous(),
                request.confidential(), now, actor.username(), key);
        var records = cases.insert(aCase, details);
        files.attachAtIntake(aCase.id(), checked, actor.username(), now);
        events.publish(aCase, records);
        return new CaseReceipt(aCase.id(), aCase.number(), aCase.state(), false);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Categories.CITY_ZONE);
    }

    /** A minor category in force: intake never registers under a major class or a retired category. */
    public Category intakeCategory(String code) {
        Category category = categories.find(code).filter(Category::isMinor).filter(c -> c.validAt(clock.instant()))
                .orElseThrow(() -> CaseRuleException.invalid("category", "case.error.category-unknown", code));
        return category;
    }

    private static String key(String key) {
        if (key == null || key.isBlank()) return null;
        if (key.length() > KEY_MAX) throw CaseRuleException.invalid("idempotencyKey", "case.error.key-too-long", KEY_MAX);
        return key.strip();
    }
}
