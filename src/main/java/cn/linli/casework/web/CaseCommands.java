package cn.linli.casework.web;

import static cn.linli.casework.web.CaseActionRequest.required;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseView;
import cn.linli.casework.CaseWork;
import cn.linli.casework.NewAttachment;
import cn.linli.casework.internal.CaseAbilities.Ability;

/**
 * Runs one transition named by its path segment with the input of the API or a page, so both send exactly the same
 * commands to {@link CaseWork}. Input the step needs and did not get is refused by field before the case is read.
 */
@Component
class CaseCommands {

    private final CaseWork work;
    private final CaseQueries queries;

    CaseCommands(CaseWork work, CaseQueries queries) {
        this.work = work;
        this.queries = queries;
    }

    void run(long id, Ability ability, CaseActionRequest r) {
        run(id, ability, r, List.of());
    }

    /** With the photos of the step; only the result and the verification take photos, other steps refuse them. */
    void run(long id, Ability ability, CaseActionRequest r, List<NewAttachment> photos) {
        long v = r.requiredVersion();
        if (!photos.isEmpty() && ability != Ability.RESULT && ability != Ability.VERIFY) {
            throw CaseRuleException.invalid("photos", "attachment.error.step");
        }
        switch (ability) {
            case ANSWER -> work.answerAtOnce(id, v, r.answer());
            case REFUSE -> work.refuse(id, v, r.reason());
            case REGISTER -> work.register(id, v, required("categoryCode", r.categoryCode()), Boolean.TRUE.equals(r.urgent()));
            case DISPATCH -> work.dispatch(id, v, required("unitId", r.unitId()), r.coUnits(), r.note());
            case ACCEPT -> work.accept(id, v);
            case RETURN -> work.returnCase(id, v, r.reason());
            case RESULT -> work.reportResult(id, v, r.result(), photos);
            case VERIFY -> work.verify(id, v, required("passed", r.passed()), r.note(), photos);
            case RETURN_VISIT -> work.returnVisit(id, v, r.satisfaction(), Boolean.TRUE.equals(r.reopen()), r.note());
            case EXTENSION -> work.requestExtension(id, v, required("until", r.until()), r.reason());
            case EXTENSION_DECISION -> work.decideExtension(id, v, required("approve", r.approve()), r.note());
            case SUSPEND -> work.suspend(id, v, r.reason());
            case RESUME -> work.resume(id, v);
            case VOID -> work.voidCase(id, v, r.reason());
            case MERGE -> work.mergeInto(id, v, target(r));
            case SUPERVISE -> work.supervise(id, v, r.instructions());
        }
    }

    /** The case to merge into, by id (API) or by the number staff read off the other case (page). */
    private long target(CaseActionRequest r) {
        if (r.targetId() != null) return r.targetId();
        String number = required("targetNumber", r.targetNumber()).strip();
        return queries.findByNumber(number).map(CaseView::id)
                .orElseThrow(() -> CaseRuleException.invalid("targetNumber", "case.error.case-unknown", number));
    }
}
