package cn.linli.casework.internal;

import java.time.Instant;
import java.time.LocalDate;

import cn.linli.access.CurrentActor;
import cn.linli.knowledge.KnowledgeBase;
import cn.linli.knowledge.KnowledgeEntry;

import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.casework.CaseReceipt;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseState;
import cn.linli.casework.CaseWork;
import cn.linli.casework.NewAttachment;
import cn.linli.casework.NewCase;

/**
 * The front desk's decision on a request (一口受理), made in one transaction with the intake itself: register it
 * (and, for a duplicate, merge it into the earlier case), answer it at once, or refuse it with a reason. When any
 * step is refused, no case is left behind. A form submitted twice carries the same idempotency key: the second
 * submission answers with the first case and does nothing more.
 */
@Component
public class FrontDesk {

    public enum Decision { REGISTER, ANSWER, REFUSE }

    /**
     * The request as taken, the operator's decision and what it needs: an answer, a reason, or a case to merge into;
     * and the photos and files the caller brought.
     */
    public record Request(NewCase intake, Decision decision, String answer, String reason, Long mergeInto,
            List<NewAttachment> attachments, Long knowledgeEntry) {
        public Request {
            if (intake == null || decision == null) throw new IllegalArgumentException("intake and decision are required");
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        public Request(NewCase intake, Decision decision, String answer, String reason, Long mergeInto,
                List<NewAttachment> attachments) {
            this(intake, decision, answer, reason, mergeInto, attachments, null);
        }

        public Request(NewCase intake, Decision decision, String answer, String reason, Long mergeInto) {
            this(intake, decision, answer, reason, mergeInto, List.of(), null);
        }
    }

    private final CaseWork work;
    private final Cases cases;
    private final TransactionTemplate transactions;
    private final KnowledgeBase knowledge;
    private final KnowledgeAnswers knowledgeAnswers;
    private final CurrentActor actors;

    FrontDesk(CaseWork work, Cases cases, TransactionTemplate transactions, KnowledgeBase knowledge,
            KnowledgeAnswers knowledgeAnswers, CurrentActor actors) {
        this.work = work;
        this.cases = cases;
        this.transactions = transactions;
        this.knowledge = knowledge;
        this.knowledgeAnswers = knowledgeAnswers;
        this.actors = actors;
    }

    public CaseReceipt take(Request request) {
        check(request);
        KnowledgeEntry entry = answeredFrom(request);
        NewCase intake = request.decision() == Decision.REGISTER ? request.intake() : withoutCategory(request.intake());
        try {
            return transactions.execute(status -> decide(request, entry, work.receive(intake, request.attachments())));
        } catch (DataAccessException e) {
            // A concurrent submission of the same form committed first (its key is unique): answer with its case.
            String key = intake.idempotencyKey();
            if (key == null || key.isBlank()) throw e;
            return cases.idByIdempotencyKey(key.strip()).flatMap(cases::find)
                    .map(c -> new CaseReceipt(c.id(), c.number(), c.state(), true)).orElseThrow(() -> e);
        }
    }

    private CaseReceipt decide(Request request, KnowledgeEntry entry, CaseReceipt receipt) {
        if (receipt.repeated()) return receipt;
        long id = receipt.caseId();
        CaseState state = switch (request.decision()) {
            case ANSWER -> {
                work.answerAtOnce(id, null, request.answer());
                if (entry != null) {
                    knowledgeAnswers.record(id, entry.id(), entry.version(), actors.current().username(), Instant.now());
                }
                yield CaseState.ANSWERED;
            }
            case REFUSE -> {
                work.refuse(id, null, request.reason());
                yield CaseState.NOT_ACCEPTED;
            }
            case REGISTER -> {
                if (request.mergeInto() == null) yield receipt.state();
                work.mergeInto(id, null, request.mergeInto());
                yield CaseState.MERGED;
            }
        };
        return new CaseReceipt(id, receipt.number(), state, false);
    }

    /**
     * The knowledge-base entry the answer was taken from: it must exist and be valid today, since what is recorded
     * is what the caller was told. Only an answer at once refers to one.
     */
    private KnowledgeEntry answeredFrom(Request request) {
        if (request.decision() != Decision.ANSWER || request.knowledgeEntry() == null) return null;
        return knowledge.find(request.knowledgeEntry())
                .filter(e -> e.validOn(LocalDate.now(KnowledgeBase.CITY_ZONE)))
                .orElseThrow(() -> CaseRuleException.invalid("knowledgeEntry", "case.rule.knowledge-entry", request.knowledgeEntry()));
    }

    /** What the decision needs, checked before anything is written so the message names the right field. */
    private static void check(Request request) {
        switch (request.decision()) {
            case REGISTER -> {
                String code = request.intake().categoryCode();
                if (code == null || code.isBlank()) throw CaseRuleException.invalid("category", "case.rule.category-required");
            }
            case ANSWER -> requireText("answer", request.answer());
            case REFUSE -> requireText("reason", request.reason());
        }
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isBlank()) throw CaseRuleException.invalid(field, "case.rule.text-required");
        if (text.strip().length() > CaseLimits.NOTE_MAX) throw CaseRuleException.invalid(field, "case.rule.text-too-long", CaseLimits.NOTE_MAX);
    }

    private static NewCase withoutCategory(NewCase n) {
        return new NewCase(n.type(), n.channel(), n.title(), n.description(), n.point(), n.placeUnitId(), n.address(),
                n.reporterName(), n.reporterPhone(), n.anonymous(), n.confidential(), n.wantsReturnVisit(), null, n.urgent(),
                n.idempotencyKey());
    }
}
