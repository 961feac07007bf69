package cn.linli.casework.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.linli.casework.CaseStage;
import cn.linli.casework.Categories;
import cn.linli.worktime.TimeLimit;
import cn.linli.worktime.WorkingTime;

/**
 * The deadline of a stage: the category's limit for the stage (urgent or normal, as in force when the case was
 * registered) added to the stage's start on the official working-time calendar. A case without a category yet (or
 * whose category has no limit for the stage) gets the platform's default of one working day, so no open case is
 * ever without a deadline.
 */
@Component
public class Deadlines {

    static final TimeLimit DEFAULT = TimeLimit.workingDays(1);

    private final Categories categories;
    private final WorkingTime workingTime;

    Deadlines(Categories categories, WorkingTime workingTime) {
        this.categories = categories;
        this.workingTime = workingTime;
    }

    public Instant due(String categoryCode, boolean urgent, CaseStage stage, Instant start, Instant registeredAt) {
        TimeLimit limit = limit(categoryCode, urgent, stage, registeredAt);
        return workingTime.plus(start, limit);
    }

    TimeLimit limit(String categoryCode, boolean urgent, CaseStage stage, Instant registeredAt) {
        if (categoryCode == null) return DEFAULT;
        return categories.asOf(categoryCode, registeredAt)
                .map(c -> c.limits().limit(stage, urgent))
                .orElse(DEFAULT);
    }

    /** The share of the stage's allowed working time used by {@code now}: the SLA light turns yellow at 0.8. */
    public double usedShare(String categoryCode, boolean urgent, CaseStage stage, Instant start, Instant deadline, Instant now,
            Instant registeredAt) {
        return workingTime.usedShare(start, deadline, now, limit(categoryCode, urgent, stage, registeredAt).unit());
    }
}
