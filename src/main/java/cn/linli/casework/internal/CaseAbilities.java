package cn.linli.casework.internal;

import static cn.linli.casework.CaseState.CLOSED;
import static cn.linli.casework.CaseState.DISPATCHED;
import static cn.linli.casework.CaseState.HANDLED;
import static cn.linli.casework.CaseState.IN_PROGRESS;
import static cn.linli.casework.CaseState.RECEIVED;
import static cn.linli.casework.CaseState.REGISTERED;
import static cn.linli.casework.CaseState.RETURNED;
import static cn.linli.casework.CaseState.SUSPENDED;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.linli.access.Role;
import cn.linli.casework.CaseState;

/**
 * Which transitions the signed-in user may start on a case in its current state, so a page offers only those forms.
 * It mirrors the rules of {@link Case} for role, scope and state; the rules themselves still decide when the form is
 * sent, so a difference here can hide a form but never allow a step.
 */
@Component
public class CaseAbilities {

    /** The transitions a page or the API can ask for, by their path segment. */
    public enum Ability {
        ANSWER, REFUSE, REGISTER, DISPATCH, ACCEPT, RETURN, RESULT, VERIFY, RETURN_VISIT, EXTENSION, EXTENSION_DECISION,
        SUSPEND, RESUME, VOID, MERGE, SUPERVISE;

        /** {@code return-visit}, {@code extension-decision} …: the last segment of the action's URL. */
        public String path() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static java.util.Optional<Ability> ofPath(String path) {
            for (Ability a : values()) {
                if (a.path().equals(path)) return java.util.Optional.of(a);
            }
            return java.util.Optional.empty();
        }
    }

    private final Cases cases;
    private final CaseActors actors;

    CaseAbilities(Cases cases, CaseActors actors) {
        this.cases = cases;
        this.actors = actors;
    }

    /** The abilities on the case, empty for a case the user may not see. */
    public Set<Ability> of(long caseId) {
        var where = cases.whereabouts(caseId);
        var found = cases.find(caseId);
        if (where.isEmpty() || found.isEmpty()) return Set.of();
        CaseActor actor = actors.current(where.get().place());
        if (!actors.maySee(actor, where.get().units())) return Set.of();
        return of(found.get().snapshot(), actor);
    }

    static Set<Ability> of(CaseSnapshot c, CaseActor actor) {
        Set<Ability> may = EnumSet.noneOf(Ability.class);
        CaseState s = c.state();
        boolean handler = actor.actsFor(c.mainUnit());
        if (actor.mayTakeIn() && s == RECEIVED) may.addAll(Set.of(Ability.ANSWER, Ability.REFUSE, Ability.REGISTER));
        if (actor.mayDispatch() && (s == REGISTERED || s == RETURNED)) may.add(Ability.DISPATCH);
        if (handler && s == DISPATCHED) may.addAll(Set.of(Ability.ACCEPT, Ability.RETURN));
        if (handler && s == IN_PROGRESS) may.add(Ability.RESULT);
        if (actor.maySupervise() && !handler && s == HANDLED) may.add(Ability.VERIFY);
        if ((actor.mayTakeIn() || actor.maySupervise()) && !handler && s == CLOSED) may.add(Ability.RETURN_VISIT);
        if (handler && (s == DISPATCHED || s == IN_PROGRESS) && c.requestedDeadline() == null) may.add(Ability.EXTENSION);
        if (actor.mayDispatch() && !handler && c.requestedDeadline() != null) may.add(Ability.EXTENSION_DECISION);
        if (actor.mayDispatch() && s.isOpen() && s != SUSPENDED) may.add(Ability.SUSPEND);
        if (actor.mayDispatch() && s == SUSPENDED) may.add(Ability.RESUME);
        if ((actor.mayDispatch() || actor.mayTakeIn()) && Set.of(RECEIVED, REGISTERED, RETURNED, SUSPENDED).contains(s)) {
            may.add(Ability.VOID);
        }
        if ((actor.mayTakeIn() || actor.mayDispatch()) && s.isOpen()) may.add(Ability.MERGE);
        boolean above = actor.has(Role.CITY_ADMIN) || actor.has(Role.DISTRICT_STAFF) || actor.has(Role.STREET_STAFF);
        if (above && (actor.coversLocation() || actor.has(Role.CITY_ADMIN)) && s.isOpen()) may.add(Ability.SUPERVISE);
        return may;
    }
}
