package cn.linli.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.linli.registry.internal.Rows;

/**
 * Where a resident belongs over time: their status and every membership they ever had. The aggregate that the
 * moves obey: at most one current household of each kind (one 户籍, one actual residence; 人户分离 is one of each
 * in different households), no overlapping periods of one kind, no move before the move it ends, and nothing more
 * for a resident who died or left the city.
 */
final class Residence {

    private final long residentId;
    private final ResidentStatus status;
    private final List<Rows.Membership> memberships;

    Residence(long residentId, ResidentStatus status, List<Rows.Membership> memberships) {
        this.residentId = residentId;
        this.status = status;
        this.memberships = List.copyOf(memberships);
    }

    Optional<Rows.Membership> current(MembershipKind kind) {
        return memberships.stream().filter(m -> m.kind() == kind && m.current()).findFirst();
    }

    List<Rows.Membership> currents() {
        return memberships.stream().filter(Rows.Membership::current).toList();
    }

    /** Checks that the resident may join a household with this kind of membership from the date. */
    void checkJoin(MembershipKind kind, LocalDate from) {
        requireActive();
        current(kind).ifPresent(m -> {
            throw new RejectedRegistryInput("kind", "registry.error.same-kind-current", m.householdId());
        });
        memberships.stream().filter(m -> m.kind() == kind && m.validTo() != null && from.isBefore(m.validTo()))
                .findFirst().ifPresent(m -> {
                    throw new RejectedRegistryInput("date", "registry.error.overlaps-history", m.validTo());
                });
    }

    /** The current membership of the kind that a move on the date ends. */
    Rows.Membership checkLeave(MembershipKind kind, LocalDate on) {
        requireActive();
        Rows.Membership current = current(kind).orElseThrow(
                () -> new RejectedRegistryInput("kind", "registry.error.no-current-household", residentId));
        return requireAfterStart(current, on);
    }

    /** The memberships that moving out of the city or death on the date ends: all current ones. */
    List<Rows.Membership> checkLeaveAll(LocalDate on) {
        requireActive();
        return currents().stream().map(m -> requireAfterStart(m, on)).toList();
    }

    private static Rows.Membership requireAfterStart(Rows.Membership membership, LocalDate on) {
        if (on.isBefore(membership.validFrom())) {
            throw new RejectedRegistryInput("date", "registry.error.move-out-before-move-in", membership.validFrom());
        }
        return membership;
    }

    private void requireActive() {
        if (status != ResidentStatus.ACTIVE) {
            throw new RejectedRegistryInput("residentId", "registry.error.not-active", residentId);
        }
    }
}
