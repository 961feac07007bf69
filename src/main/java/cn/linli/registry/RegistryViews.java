package cn.linli.registry;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.springframework.stereotype.Component;

import cn.linli.access.Mask;
import cn.linli.access.PersonalDataProtection;
import cn.linli.access.ProtectedValue;
import cn.linli.registry.internal.HouseholdStore;
import cn.linli.registry.internal.RegistryScopes;
import cn.linli.registry.internal.Rows;
import cn.linli.registry.internal.Scope;
import cn.linli.shared.IdentityDocument;

/**
 * Turns stored rows into what a reader may see: identifiers masked (decrypted only to be masked, one row at a time),
 * names masked for roles above the community, households outside the reader's scope left unnamed.
 */
@Component
class RegistryViews {

    private final PersonalDataProtection protection;
    private final RegistryScopes scopes;
    private final HouseholdStore households;

    RegistryViews(PersonalDataProtection protection, RegistryScopes scopes, HouseholdStore households) {
        this.protection = protection;
        this.scopes = scopes;
        this.households = households;
    }

    String name(String name) {
        return scopes.seesFullNames() ? name : Mask.NAME.apply(name);
    }

    /** Null once the resident has been anonymised: the number is gone. */
    String document(Rows.Resident resident) {
        if (resident.documentNumber() == null) return null;
        String number = protection.reveal(Registry.RESIDENT_DOCUMENT,
                ProtectedValue.ofStoredText(resident.documentNumber(), resident.documentIndex()));
        return new IdentityDocument(resident.documentKind(), number).masked();
    }

    String phone(String stored, String index, cn.linli.access.PersonalField field) {
        return stored == null ? null : protection.revealMasked(field, ProtectedValue.ofStoredText(stored, index), Mask.PHONE);
    }

    ResidentSummary summary(Rows.Resident r) {
        return new ResidentSummary(r.id(), name(r.name()), r.gender(), r.birthDate(), document(r),
                phone(r.phone(), r.phoneIndex(), Registry.RESIDENT_PHONE), r.status());
    }

    HouseholdSummary summary(Rows.Household h) {
        return new HouseholdSummary(h.id(), h.address(), h.unitNo(), h.floorNo(), h.room(), h.gridId(), h.type(), h.members());
    }

    /** Membership periods, naming each household only when it lies in the reader's scope. */
    List<MembershipView> memberships(List<Rows.Membership> rows, Scope scope, LongFunction<String> residentNames) {
        Map<Long, Rows.Household> seen = new java.util.HashMap<>();
        return rows.stream().map(m -> {
            Rows.Household h = seen.computeIfAbsent(m.householdId(), id -> households.find(id).orElseThrow());
            boolean visible = scope.covers(h.gridId());
            return new MembershipView(m.residentId(), name(residentNames.apply(m.residentId())),
                    visible ? h.id() : null, visible ? h.address() : null, m.kind(), m.relation(), m.validFrom(), m.validTo());
        }).toList();
    }
}
