package cn.linli.organisation;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import cn.linli.access.Actor;
import cn.linli.access.AuditLog;
import cn.linli.access.Role;
import cn.linli.access.UserDirectory;
import cn.linli.access.UserSummary;
import cn.linli.organisation.internal.Directory;
import cn.linli.organisation.internal.HandlingUnitStore;
import cn.linli.organisation.internal.OrganisationState;
import cn.linli.territory.TerritoryQueries;

/**
 * Changes departments and memberships; city administrators only. Every rule is checked before anything is written,
 * so a rejected change leaves everything as it was; every change is audited. Offices and district governments are
 * not edited here: they follow the territory.
 */
@Service
public class OrganisationManagement {

    private final HandlingUnitStore store;
    private final OrganisationState state;
    private final TerritoryQueries territory;
    private final UserDirectory users;
    private final AuditLog audit;
    private final TransactionOperations transactions;

    OrganisationManagement(HandlingUnitStore store, OrganisationState state, TerritoryQueries territory,
            UserDirectory users, AuditLog audit, TransactionOperations transactions) {
        this.store = store;
        this.state = state;
        this.territory = territory;
        this.users = users;
        this.audit = audit;
        this.transactions = transactions;
    }

    public HandlingUnit createDepartment(Actor actor, DepartmentDraft draft) {
        requireAdministrator(actor);
        HandlingUnit unit = draft.toUnit(0, Organisation.today());
        DepartmentRules.check(unit, territory.tree(null), state.directory());
        return transactions.execute(status -> {
            long id = store.insert(unit);
            audit.record("ORGANISATION_UNIT_CREATED", "organisation_unit:" + id, unit.name());
            state.changed();
            return unit.withId(id);
        });
    }

    public HandlingUnit updateDepartment(Actor actor, long id, DepartmentDraft draft) {
        requireAdministrator(actor);
        Directory directory = state.directory();
        HandlingUnit existing = directory.find(id)
                .orElseThrow(() -> new OrganisationException("id", "organisation.error.unit-unknown", id));
        if (existing.kind() != UnitKind.DEPARTMENT) throw new OrganisationException("id", "organisation.error.not-department", existing.name());
        HandlingUnit unit = draft.toUnit(id, existing.validFrom());
        DepartmentRules.check(unit, territory.tree(null), directory);
        transactions.executeWithoutResult(status -> {
            store.update(unit);
            audit.record("ORGANISATION_UNIT_CHANGED", "organisation_unit:" + id, unit.name());
            state.changed();
        });
        return unit;
    }

    /** Adds the user to the unit, or changes their role in it. */
    public Membership addMember(Actor actor, long unitId, String username, MemberRole role) {
        requireAdministrator(actor);
        HandlingUnit unit = state.directory().find(unitId)
                .orElseThrow(() -> new OrganisationException("unitId", "organisation.error.unit-unknown", unitId));
        UserSummary user = users.findByUsername(username)
                .orElseThrow(() -> new OrganisationException("username", "organisation.error.user-unknown", username == null ? "" : username));
        Membership membership = new Membership(user.id(), unit.id(), role);
        transactions.executeWithoutResult(status -> {
            store.saveMembership(membership);
            audit.record("ORGANISATION_MEMBER_SAVED", "organisation_unit:" + unitId, user.username() + " " + role);
            state.changed();
        });
        return membership;
    }

    public void removeMember(Actor actor, long unitId, long userId) {
        requireAdministrator(actor);
        transactions.executeWithoutResult(status -> {
            if (store.removeMembership(userId, unitId)) {
                audit.record("ORGANISATION_MEMBER_REMOVED", "organisation_unit:" + unitId, "user " + userId);
                state.changed();
            }
        });
    }

    private static void requireAdministrator(Actor actor) {
        if (actor == null || !actor.hasRole(Role.CITY_ADMIN)) {
            throw new AccessDeniedException("organisation changes need a city administrator");
        }
    }
}
