package cn.linli.registry;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import cn.linli.registry.internal.HouseholdStore;
import cn.linli.registry.internal.MembershipStore;
import cn.linli.registry.internal.NameIndex;
import cn.linli.registry.internal.ResidentStore;
import cn.linli.registry.internal.Rows;

/**
 * The moves of residents between households, applied after {@link Residence} has checked them. Runs inside the
 * transaction of a {@link Registry} operation.
 */
@Component
class ResidentMoves {

    private final RegistryGuard guard;
    private final HouseholdStore households;
    private final ResidentStore residents;
    private final MembershipStore memberships;
    private final NameIndex names;

    ResidentMoves(RegistryGuard guard, HouseholdStore households, ResidentStore residents, MembershipStore memberships,
            NameIndex names) {
        this.guard = guard;
        this.households = households;
        this.residents = residents;
        this.memberships = memberships;
        this.names = names;
    }

    void moveIn(long residentId, long householdId, MembershipKind kind, Relation relation, LocalDate from) {
        Check.required(kind, "kind");
        Check.required(relation, "relation");
        Check.pastOrToday(from, "date");
        var resident = guard.resident(residentId);
        var household = guard.household(householdId);
        guard.residence(resident).checkJoin(kind, from);
        join(residentId, household, kind, relation, from);
        guard.audit("MOVED_IN", "resident " + residentId,
                "household=" + householdId + "; kind=" + kind + "; relation=" + relation + "; from=" + from);
    }

    void moveOut(long residentId, MembershipKind kind, LocalDate on) {
        Check.required(kind, "kind");
        Check.pastOrToday(on, "date");
        var resident = guard.resident(residentId);
        Rows.Membership leaving = guard.residence(resident).checkLeave(kind, on);
        leave(leaving, on);
        guard.audit("MOVED_OUT", "resident " + residentId, "household=" + leaving.householdId() + "; kind=" + kind + "; on=" + on);
    }

    /** Closes the membership of the kind and opens one in another household of the city, on the same date. */
    void moveWithinCity(long residentId, MembershipKind kind, long toHouseholdId, Relation relation, LocalDate on) {
        Check.required(kind, "kind");
        Check.required(relation, "relation");
        Check.pastOrToday(on, "date");
        var resident = guard.resident(residentId);
        var target = guard.household(toHouseholdId);
        Rows.Membership leaving = guard.residence(resident).checkLeave(kind, on);
        if (leaving.householdId() == toHouseholdId) {
            throw new RejectedRegistryInput("householdId", "registry.error.same-household");
        }
        leave(leaving, on);
        join(residentId, target, kind, relation, on);
        guard.audit("MOVED_WITHIN_CITY", "resident " + residentId,
                "from=" + leaving.householdId() + "; to=" + toHouseholdId + "; kind=" + kind + "; on=" + on);
    }

    /** Moving out of the city or death: every current membership ends on the date, and the status says why. */
    void leaveCity(long residentId, ResidentStatus status, LocalDate on) {
        Check.pastOrToday(on, "date");
        var resident = guard.resident(residentId);
        if (on.isBefore(resident.birthDate())) throw new RejectedRegistryInput("date", "registry.error.before-birth");
        for (Rows.Membership membership : guard.residence(resident).checkLeaveAll(on)) {
            leave(membership, on);
        }
        residents.setStatus(residentId, status, on);
        guard.audit(status == ResidentStatus.DECEASED ? "DEATH_RECORDED" : "MOVED_OUT_OF_CITY", "resident " + residentId,
                "on=" + on);
    }

    /**
     * Opens a membership; a household has one head at a time, named on the household for its card. Joining and
     * leaving are the only ways a resident's grids change, so both rewrite the resident's rows of the name index.
     */
    void join(long residentId, Rows.Household household, MembershipKind kind, Relation relation, LocalDate from) {
        if (relation == Relation.HEAD && household.headId() != null && !household.headId().equals(residentId)) {
            throw new RejectedRegistryInput("relation", "registry.error.head-exists", household.headId());
        }
        try {
            memberships.open(residentId, household.id(), kind, relation, from);
        } catch (DuplicateKeyException concurrent) {
            // the database's rule (V7_2) caught a second current membership of the kind that the check did not see
            throw new RejectedRegistryInput("kind", "registry.error.same-kind-current", household.id());
        }
        if (relation == Relation.HEAD) households.setHead(household.id(), residentId);
        names.refresh(residentId);
    }

    private void leave(Rows.Membership membership, LocalDate on) {
        memberships.close(membership.id(), on);
        if (membership.relation() == Relation.HEAD) {
            var household = households.find(membership.householdId()).orElseThrow();
            if (Objects.equals(household.headId(), membership.residentId())) households.setHead(household.id(), null);
        }
        names.refresh(membership.residentId());
    }
}
