package cn.linli.casework;

import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.linli.access.AuditLog;
import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.casework.internal.ResponsibilityMatrix;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;

/**
 * The responsibility matrix as the city administrators keep it: rules "category (or major class) × place → main
 * unit and co-handlers (主办/协办)" for where the general principles do not give the right unit. Routing takes the
 * most local rule; without one it falls back to the department of the function, the office of the place, or the
 * district government (兜底). Every input is checked before anything is written.
 */
@Service
public class ResponsibilityRules {

    /** A rule as stored. */
    public record Rule(long id, String categoryCode, long placeUnitId, long mainUnit, Set<Long> coUnits, String note) {
    }

    private final ResponsibilityMatrix matrix;
    private final Categories categories;
    private final TerritoryQueries territory;
    private final Organisation organisation;
    private final CurrentActor actors;
    private final AuditLog audit;

    ResponsibilityRules(ResponsibilityMatrix matrix, Categories categories, TerritoryQueries territory, Organisation organisation,
            CurrentActor actors, AuditLog audit) {
        this.matrix = matrix;
        this.categories = categories;
        this.territory = territory;
        this.organisation = organisation;
        this.actors = actors;
        this.audit = audit;
    }

    public List<Rule> all() {
        return matrix.all();
    }

    public Rule add(String categoryCode, Long placeUnitId, Long mainUnit, Set<Long> coUnits, String note) {
        requireAdministrator();
        String code = categoryCode == null ? "" : categoryCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (categories.find(code).isEmpty()) throw CaseRuleException.invalid("categoryCode", "case.error.rule-category", code);
        if (placeUnitId == null || territory.tree(null).find(placeUnitId).isEmpty()) {
            throw CaseRuleException.invalid("placeUnitId", "case.error.place-unknown", placeUnitId);
        }
        if (mainUnit == null || organisation.find(mainUnit).isEmpty()) throw CaseRuleException.invalid("mainUnit", "case.error.unit-unknown", mainUnit);
        Set<Long> co = coUnits == null ? Set.of() : Set.copyOf(coUnits);
        if (co.contains(mainUnit)) throw CaseRuleException.invalid("coUnits", "case.rule.main-also-co");
        for (Long unit : co) {
            if (organisation.find(unit).isEmpty()) throw CaseRuleException.invalid("coUnits", "case.error.unit-unknown", unit);
        }
        if (note != null && note.length() > 500) throw CaseRuleException.invalid("note", "case.error.too-long", 500);
        if (matrix.exists(code, placeUnitId)) throw CaseRuleException.invalid("categoryCode", "case.error.rule-exists", code, placeUnitId);
        Rule rule = matrix.insert(code, placeUnitId, mainUnit, co, note == null || note.isBlank() ? null : note.strip());
        audit.record("CASEWORK_RULE_ADDED", "rule " + rule.id(), code + " @" + placeUnitId + " -> " + mainUnit + " " + co);
        return rule;
    }

    public void remove(long id) {
        requireAdministrator();
        if (!matrix.delete(id)) throw new CaseRuleException(CaseRuleException.Kind.NOT_FOUND, "id", "case.error.rule-unknown", id);
        audit.record("CASEWORK_RULE_REMOVED", "rule " + id, null);
    }

    private void requireAdministrator() {
        if (!actors.current().hasRole(Role.CITY_ADMIN)) throw new AccessDeniedException("the responsibility matrix needs a city administrator");
    }
}
