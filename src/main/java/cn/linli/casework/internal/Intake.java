package cn.linli.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
import cn.linli.casework.ReceivedCase;

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
    private final CaseReading reading;

    Intake(Cases cases, CaseNumbers numbers, Places places, CaseActors actors, Categories categories, Deadlines deadlines,
            PersonalDataProtection protection, CaseEvents events, TransactionTemplate transactions, Clock clock, CaseFiles files,
            CaseReading reading) {
        this.files = files;
        this.reading = reading;
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
        Taken taken = take(request, attachments);
        return taken.written() == null ? taken.earlier()
                : new CaseReceipt(taken.written().saved().id(), taken.written().saved().number(), taken.written().saved().state(), false);
    }

    /**
     * Intake answered with the case as its reader sees it: the new case is put together from what the intake wrote,
     * a repeat of an earlier intake reads that case. Empty when the case lies outside what the user may read.
     */
    public Optional<ReceivedCase> receiveAndShow(NewCase request) {
        Taken taken = take(request, List.of());
        if (taken.written() == null) return reading.find(taken.earlier().caseId()).map(view -> new ReceivedCase(view, true));
        Written w = taken.written();
        return reading.written(w.actor(), w.saved(), w.details(), w.phone(), w.lines()).map(view -> new ReceivedCase(view, false));
    }

    /** What an intake wrote, or (written null) the receipt of the earlier case its idempotency key names. */
    private record Taken(Written written, CaseReceipt earlier) {
    }

    /** A new case as stored, with the lines of its timeline and the reporter's phone as given (for the masked view). */
    private record Written(CaseActor actor, CaseSnapshot saved, CaseDetails details, String phone, List<Cases.Line> lines) {
    }

    /**
     * The idempotency key is not looked up first (unless the caller's transaction is open): the unique key on it
     * refuses a repeat's insert, and only then is the earlier case read (a repeat costs one case number; every first
     * intake saves a query). A repeat that would now be refused (its category retired, the user's scope changed)
     * still gets the case it made.
     */
    private Taken take(NewCase request, List<NewAttachment> attachments) {
        String key = key(request.idempotencyKey());
        if (key != null && TransactionSynchronizationManager.isActualTransactionActive()) {
            // Inside a caller's transaction (the front desk's), a refused insert would doom that transaction too.
            Optional<CaseReceipt> earlier = earlier(key);
            if (earlier.isPresent()) return new Taken(null, earlier.get());
        }
        try {
            numbers.open(today());
            try {
                return new Taken(transactions.execute(status -> create(request, key, attachments)), null);
            } catch (CaseNumbers.DayNotOpen e) {
                // Midnight passed between opening and numbering.
                numbers.open(e.day);
                return new Taken(transactions.execute(status -> create(request, key, attachments)), null);
            }
        } catch (DuplicateKeyException e) {
            // The same key committed by an earlier (or concurrent) intake: answer with that case.
            return new Taken(null, earlier(key).orElseThrow(() -> e));
        } catch (CaseRuleException e) {
            if (key == null) throw e;
            return new Taken(null, earlier(key).orElseThrow(() -> e));
        }
    }

    private Optional<CaseReceipt> earlier(String key) {
        return cases.idByIdempotencyKey(key).flatMap(cases::find)
                .map(first -> new CaseReceipt(first.id(), first.number(), first.state(), true));
    }

    private Written create(NewCase request, String key, List<NewAttachment> attachments) {
        IntakeForm form = IntakeForm.check(request);
        CaseFiles.Checked checked = files.check(attachments);
        Category category = form.categoryCode() == null ? null : intakeCategory(form.categoryCode());
        CaseDetails.Place place = places.of(request.point(), request.placeUnitId());
        CaseActor actor = actors.current(place);
        if (!actor.mayTakeIn()) throw CaseRuleException.forbidden("case.rule.not-intake");
        // to the microsecond, as the database keeps it: the view intake answers with equals the one read back later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
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
        CaseSnapshot saved = aCase.snapshot().inserted();
        var lines = cases.insert(aCase, details);
        files.attachAtIntake(aCase.id(), checked, actor.username(), now);
        events.publish(aCase, lines.stream().map(Cases.Line::record).toList());
        return new Written(actor, saved, details, form.phone() == null ? null : form.phone().value(), lines);
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
