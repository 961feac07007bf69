package cn.linli.registry;

import org.springframework.stereotype.Component;

import cn.linli.access.AuditLog;
import cn.linli.registry.internal.BuildingStore;
import cn.linli.registry.internal.HouseholdStore;
import cn.linli.registry.internal.MembershipStore;
import cn.linli.registry.internal.RegistryScopes;
import cn.linli.registry.internal.ResidentStore;
import cn.linli.registry.internal.Rows;
import cn.linli.registry.internal.Scope;

/**
 * Loads what a change works on, only within the acting user's scope: a record outside it is refused as unknown, so
 * a change cannot reach (or reveal) another grid's residents. Also writes the audit records of changes.
 */
@Component
class RegistryGuard {

    private final RegistryScopes scopes;
    private final BuildingStore buildings;
    private final HouseholdStore households;
    private final ResidentStore residents;
    private final MembershipStore memberships;
    private final AuditLog audit;

    RegistryGuard(RegistryScopes scopes, BuildingStore buildings, HouseholdStore households, ResidentStore residents,
            MembershipStore memberships, AuditLog audit) {
        this.scopes = scopes;
        this.buildings = buildings;
        this.households = households;
        this.residents = residents;
        this.memberships = memberships;
        this.audit = audit;
    }

    Scope scope() {
        return scopes.current();
    }

    long grid(long gridId) {
        if (!scope().covers(gridId)) throw new RejectedRegistryInput("gridId", "registry.error.unknown-grid", gridId);
        return gridId;
    }

    Rows.Building building(long id) {
        return buildings.find(id).filter(b -> scope().covers(b.gridId()))
                .orElseThrow(() -> new RejectedRegistryInput("buildingId", "registry.error.unknown-building", id));
    }

    Rows.Household household(long id) {
        return households.find(id).filter(h -> scope().covers(h.gridId()))
                .orElseThrow(() -> new RejectedRegistryInput("householdId", "registry.error.unknown-household", id));
    }

    Rows.Resident resident(long id) {
        return residents.findInScope(id, scope())
                .orElseThrow(() -> new RejectedRegistryInput("residentId", "registry.error.unknown-resident", id));
    }

    Residence residence(Rows.Resident resident) {
        return new Residence(resident.id(), resident.status(), memberships.ofResident(resident.id()));
    }

    void audit(String action, String subject, String detail) {
        audit.record("REGISTRY_" + action, subject, detail);
    }
}
