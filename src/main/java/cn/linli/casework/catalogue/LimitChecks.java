package cn.linli.casework.catalogue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import cn.linli.casework.CaseStage;
import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.casework.CategoryException;
import cn.linli.casework.CategoryException.Problem;
import cn.linli.worktime.TimeLimitUnit;
import cn.linli.worktime.TimeLimit;

/**
 * The limits of a minor class: every stage needs a normal and an urgent limit, each positive and at most about a
 * year, and an urgent limit may not be longer than the normal one, or "urgent" would slow a case down.
 */
final class LimitChecks {

    private final List<Problem> problems;

    LimitChecks(List<Problem> problems) {
        this.problems = problems;
    }

    Category.Limits limits(Map<CaseStage, Categories.LimitInput> normal, Map<CaseStage, Categories.LimitInput> urgent) {
        Map<CaseStage, TimeLimit> normalLimits = new EnumMap<>(CaseStage.class);
        Map<CaseStage, TimeLimit> urgentLimits = new EnumMap<>(CaseStage.class);
        for (CaseStage stage : CaseStage.values()) {
            TimeLimit n = limit("limits." + stage, stage, normal == null ? null : normal.get(stage));
            TimeLimit u = limit("urgentLimits." + stage, stage, urgent == null ? null : urgent.get(stage));
            if (n != null) normalLimits.put(stage, n);
            if (u != null) urgentLimits.put(stage, u);
            if (n != null && u != null && CategoryLimit.nominalWorkingHours(u) > CategoryLimit.nominalWorkingHours(n)) {
                problems.add(new Problem("urgentLimits." + stage, "casework.error.urgent-longer", stageName(stage), u.shortForm(), n.shortForm()));
            }
        }
        return new Category.Limits(normalLimits, urgentLimits);
    }

    private TimeLimit limit(String field, CaseStage stage, Categories.LimitInput input) {
        if (input == null || input.amount() == null) {
            problems.add(new Problem(field, "casework.error.limit-missing", stageName(stage)));
            return null;
        }
        TimeLimitUnit unit = TimeLimitUnit.fromSymbol(input.unit()).orElse(null);
        if (unit == null) {
            problems.add(new Problem(field, "casework.error.limit-unit", input.unit() == null ? "" : input.unit()));
            return null;
        }
        try {
            return CategoryLimit.of(input.amount(), unit);
        } catch (CategoryException e) {
            problems.addAll(e.atField(field).problems());
            return null;
        }
    }

    /** The stage's name, resolved in the user's language when the message is. */
    static DefaultMessageSourceResolvable stageName(CaseStage stage) {
        return new DefaultMessageSourceResolvable(new String[] {"casework.stage." + stage}, stage.name());
    }
}
