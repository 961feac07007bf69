package cn.linli.casework;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.linli.access.Actor;
import cn.linli.access.AuditLog;
import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.casework.internal.ResponsibilityMatrix;
import cn.linli.casework.internal.Routing;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;
import cn.linli.organisation.UnitKind;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/**
 * The responsibility matrix as the administrators keep it: rules "category (or major class) × place → main unit and
 * co-handlers (主办/协办)" for where the general principles do not give the right unit. Routing takes the most local
 * rule; without one it falls back to the department of the function, the office of the place, or the district
 * government (兜底). The city administrator keeps the whole matrix, district staff the rules for places of their
 * district with units they can see. Every input is checked before anything is written; every change is audited.
 */
@Service
public class ResponsibilityRules {

    /** A rule as stored. */
    public record Rule(long id, String categoryCode, long placeUnitId, long mainUnit, Set<Long> coUnits, String note) {
    }

    /** What a rule says, as an administrator enters it. */
    public record Draft(String categoryCode, Long placeUnitId, Long mainUnit, Set<Long> coUnits, String note) {
    }

    /** Who the matrix and the principles choose for a category at a place, and why: the rule, if one decided. */
    public record Answer(HandlingUnit unit, List<HandlingUnit> coHandlers, Routing.Reason reason, Optional<Rule> rule) {
    }

    private final ResponsibilityMatrix matrix;
    private final Routing routing;
    private final Categories categories;
    private final TerritoryQueries territory;
    private final Organisation organisation;
    private final CurrentActor actors;
    private final AuditLog audit;

    ResponsibilityRules(ResponsibilityMatrix matrix, Routing routing, Categories categories, TerritoryQueries territory,
            Organisation organisation, CurrentActor actors, AuditLog audit) {
        this.matrix = matrix;
        this.routing = routing;
        this.categories = categories;
        this.territory = territory;
        this.organisation = organisation;
        this.actors = actors;
        this.audit = audit;
    }

    public List<Rule> all() {
        return matrix.all();
    }

    public Optional<Rule> find(long id) {
        return matrix.find(id);
    }

    /** Whether the current user may keep the matrix at all (the page and its menu entry). */
    public boolean mayKeep() {
        Actor actor = actors.current();
        return actor.hasRole(Role.CITY_ADMIN) || actor.hasRole(Role.DISTRICT_STAFF);
    }

    /** Whether the current user may change or retire this rule: its place lies in their jurisdiction. */
    public boolean mayChange(Rule rule) {
        Actor actor = actors.current();
        return actor.hasRole(Role.CITY_ADMIN) || (actor.hasRole(Role.DISTRICT_STAFF)
                && territory.tree(null).covers(actor.jurisdiction(), rule.placeUnitId()));
    }

    @Transactional
    public Rule add(String categoryCode, Long placeUnitId, Long mainUnit, Set<Long> coUnits, String note) {
        return add(new Draft(categoryCode, placeUnitId, mainUnit, coUnits, note));
    }

    @Transactional
    public Rule add(Draft draft) {
        Draft checked = check(draft);
        if (matrix.exists(checked.categoryCode(), checked.placeUnitId(), null)) {
            throw CaseRuleException.invalid("categoryCode", "case.error.rule-exists", checked.categoryCode(), checked.placeUnitId());
        }
        Rule rule = matrix.insert(checked.categoryCode(), checked.placeUnitId(), checked.mainUnit(), checked.coUnits(), checked.note());
        audit.record("CASEWORK_RULE_ADDED", "rule " + rule.id(), describe(rule));
        return rule;
    }

    /** Changes a rule; the user must be allowed both the rule as it stands and the rule as it will be. */
    @Transactional
    public Rule update(long id, Draft draft) {
        Rule before = existing(id);
        requireChange(before.placeUnitId());
        Draft checked = check(draft);
        if (matrix.exists(checked.categoryCode(), checked.placeUnitId(), id)) {
            throw CaseRuleException.invalid("categoryCode", "case.error.rule-exists", checked.categoryCode(), checked.placeUnitId());
        }
        Rule after = matrix.update(id, checked.categoryCode(), checked.placeUnitId(), checked.mainUnit(), checked.coUnits(),
                checked.note());
        audit.record("CASEWORK_RULE_CHANGED", "rule " + id, describe(before) + " => " + describe(after));
        return after;
    }

    /** Retires a rule: routing falls back to the general principles; the audit log keeps what it said. */
    @Transactional
    public void remove(long id) {
        requireKeeper();
        Rule rule = existing(id);
        requireChange(rule.placeUnitId());
        matrix.delete(id);
        audit.record("CASEWORK_RULE_REMOVED", "rule " + id, describe(rule));
    }

    /** The "who handles this?" tester: what routing would suggest for the category at the place, with the deciding rule. */
    public Answer explain(String categoryCode, Long placeUnitId) {
        String code = normal(categoryCode);
        if (code.isEmpty() || categories.find(code).isEmpty()) throw CaseRuleException.invalid("categoryCode", "case.error.rule-category", code);
        if (placeUnitId == null || territory.tree(null).find(placeUnitId).isEmpty()) {
            throw CaseRuleException.invalid("placeUnitId", "case.error.place-unknown", placeUnitId);
        }
        Routing.Suggestion suggestion = routing.suggest(code, placeUnitId)
                .orElseThrow(() -> CaseRuleException.invalid("placeUnitId", "case.error.place-unknown", placeUnitId));
        Optional<Rule> rule = suggestion.reason() == Routing.Reason.MATRIX ? matrix.deciding(code, placeUnitId) : Optional.empty();
        return new Answer(suggestion.unit(), suggestion.coHandlers(), suggestion.reason(), rule);
    }

    /** Checks a draft whole, in the order a reader fills the form, and returns it normalised. */
    private Draft check(Draft draft) {
        requireKeeper();
        String code = normal(draft.categoryCode());
        Category category = categories.find(code)
                .orElseThrow(() -> CaseRuleException.invalid("categoryCode", "case.error.rule-category", code));
        Long place = draft.placeUnitId();
        DivisionTree tree = territory.tree(null);
        if (place == null || tree.find(place).isEmpty()) throw CaseRuleException.invalid("placeUnitId", "case.error.place-unknown", place);
        Actor actor = actors.current();
        if (!actor.hasRole(Role.CITY_ADMIN) && !tree.covers(actor.jurisdiction(), place)) {
            throw CaseRuleException.invalid("placeUnitId", "case.rule.place-out-of-scope", tree.find(place).get().name());
        }
        HandlingUnit main = unit("mainUnit", draft.mainUnit(), actor);
        Set<Long> co = draft.coUnits() == null ? Set.of() : Set.copyOf(draft.coUnits());
        if (co.contains(main.id())) throw CaseRuleException.invalid("coUnits", "case.rule.main-also-co");
        for (Long unit : co) unit("coUnits", unit, actor);
        if (main.kind() == UnitKind.COMMUNITY_OFFICE && departmentMatter(category)) {
            // standards.md: a matter that belongs to a department is not pushed down to a community (2025 State
            // Council opinion on 12345); a community may still be named as co-handler.
            throw CaseRuleException.invalid("mainUnit", "case.rule.department-to-community", category.nameZh(), main.name());
        }
        String note = draft.note() == null || draft.note().isBlank() ? null : draft.note().strip();
        if (note != null && note.length() > 500) throw CaseRuleException.invalid("note", "case.error.too-long", 500);
        return new Draft(code, place, main.id(), co, note);
    }

    /** A major class is a department's matter when any of its minor classes is. */
    private boolean departmentMatter(Category category) {
        if (category.handler().kind() == Category.HandlerKind.DEPARTMENT) return true;
        if (!category.isMajor()) return false;
        return categories.tree().stream().filter(b -> b.major().code().equals(category.code())).flatMap(b -> b.minors().stream())
                .anyMatch(m -> m.handler().kind() == Category.HandlerKind.DEPARTMENT);
    }

    private HandlingUnit unit(String field, Long id, Actor actor) {
        if (id == null || organisation.find(id).isEmpty()) throw CaseRuleException.invalid(field, "case.error.unit-unknown", id);
        return organisation.visible(actor, id)
                .orElseThrow(() -> CaseRuleException.invalid(field, "case.rule.unit-out-of-scope", organisation.find(id).get().name()));
    }

    private Rule existing(long id) {
        return matrix.find(id).orElseThrow(() -> new CaseRuleException(CaseRuleException.Kind.NOT_FOUND, "id", "case.error.rule-unknown", id));
    }

    private void requireKeeper() {
        if (!mayKeep()) throw new AccessDeniedException("the responsibility matrix needs a city administrator or district staff");
    }

    private void requireChange(long placeUnitId) {
        Actor actor = actors.current();
        if (actor.hasRole(Role.CITY_ADMIN)) return;
        DivisionTree tree = territory.tree(null);
        if (!tree.covers(actor.jurisdiction(), placeUnitId)) {
            throw CaseRuleException.forbidden("case.rule.rule-out-of-scope", tree.find(placeUnitId).map(d -> d.name()).orElse(String.valueOf(placeUnitId)));
        }
    }

    private static String normal(String categoryCode) {
        return categoryCode == null ? "" : categoryCode.strip().toUpperCase(Locale.ROOT);
    }

    private static String describe(Rule rule) {
        return rule.categoryCode() + " @" + rule.placeUnitId() + " -> " + rule.mainUnit() + " " + rule.coUnits();
    }
}
