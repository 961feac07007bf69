package cn.linli.registry;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.linli.access.Actor;
import cn.linli.access.AuditLog;
import cn.linli.access.Mask;
import cn.linli.access.PersonalDataProtection;
import cn.linli.access.ProtectedValue;
import cn.linli.access.Role;
import cn.linli.casework.CallerCard;
import cn.linli.casework.CallerDirectory;
import cn.linli.registry.internal.BuildingStore;
import cn.linli.registry.internal.HouseholdStore;
import cn.linli.registry.internal.MembershipStore;
import cn.linli.registry.internal.RegistryScopes;
import cn.linli.registry.internal.ResidentStore;
import cn.linli.registry.internal.Rows;
import cn.linli.registry.internal.Scope;
import cn.linli.shared.InvalidPhoneNumberException;
import cn.linli.shared.PhoneNumber;

/**
 * The registry's answer to casework's front desk: residents found by phone (blind index) or name within the acting
 * user's scope, masked as registry searches mask them (names in full only for grid workers and community staff), each
 * with the household they actually live in, else their registered one. Handing a phone number over to be recorded
 * with a case is audited, like the registry's other disclosures.
 */
@Component
class RegistryCallerDirectory implements CallerDirectory {

    private static final int LIMIT = 10;

    private final RegistryScopes scopes;
    private final ResidentStore residents;
    private final MembershipStore memberships;
    private final HouseholdStore households;
    private final BuildingStore buildings;
    private final PersonalDataProtection protection;
    private final AuditLog audit;

    RegistryCallerDirectory(RegistryScopes scopes, ResidentStore residents, MembershipStore memberships, HouseholdStore households,
            BuildingStore buildings, PersonalDataProtection protection, AuditLog audit) {
        this.scopes = scopes;
        this.residents = residents;
        this.memberships = memberships;
        this.households = households;
        this.buildings = buildings;
        this.protection = protection;
        this.audit = audit;
    }

    @Override
    public List<CallerCard> findByPhone(Actor actor, PhoneNumber phone) {
        Scope scope = scopes.of(actor);
        return residents.byPhoneIndex(protection.blindIndex(Registry.RESIDENT_PHONE, phone.value()), scope, LIMIT).stream()
                .map(r -> card(actor, scope, r)).toList();
    }

    @Override
    public List<CallerCard> search(Actor actor, String text) {
        if (text == null || text.isBlank()) return List.of();
        String compact = text.replaceAll("[\\s-]", "");
        if (compact.matches("\\+?\\d{7,13}")) {
            try {
                return findByPhone(actor, PhoneNumber.parse(compact));
            } catch (InvalidPhoneNumberException e) {
                return List.of();
            }
        }
        Scope scope = scopes.of(actor);
        return residents.byName(text.strip(), scope, LIMIT).stream().map(r -> card(actor, scope, r)).toList();
    }

    @Override
    public Optional<PhoneNumber> phoneOf(Actor actor, long residentId) {
        return residents.findInScope(residentId, scopes.of(actor)).filter(r -> r.phone() != null).map(r -> {
            String number = protection.reveal(Registry.RESIDENT_PHONE, ProtectedValue.ofStoredText(r.phone(), r.phoneIndex()));
            audit.record("REGISTRY_CALLER_PHONE_USED", "resident " + residentId, "front desk intake by " + actor.username());
            return PhoneNumber.parse(number);
        });
    }

    private CallerCard card(Actor actor, Scope scope, Rows.Resident r) {
        boolean fullName = actor.hasRole(Role.GRID_WORKER) || actor.hasRole(Role.COMMUNITY_STAFF);
        String phone = r.phone() == null ? null
                : protection.revealMasked(Registry.RESIDENT_PHONE, ProtectedValue.ofStoredText(r.phone(), r.phoneIndex()), Mask.PHONE);
        Optional<Rows.Household> home = home(r.id()).filter(h -> scope.covers(h.gridId()));
        Optional<Rows.Building> building = home.flatMap(h -> buildings.find(h.buildingId()));
        return new CallerCard(r.id(), fullName ? r.name() : Mask.NAME.apply(r.name()), !fullName, phone,
                home.map(Rows.Household::id).orElse(null), home.map(Rows.Household::address).orElse(null),
                home.map(Rows.Household::gridId).orElse(null), building.map(Rows.Building::lng).orElse(null),
                building.map(Rows.Building::lat).orElse(null), home.map(Rows.Household::members).orElse(0));
    }

    /** Where the resident lives now: the actual residence first (人户分离), else the registered household. */
    private Optional<Rows.Household> home(long residentId) {
        LocalDate today = LocalDate.now(Check.CITY_ZONE);
        return memberships.ofResident(residentId).stream().filter(m -> m.validOn(today))
                .sorted(Comparator.comparing(m -> m.kind() == MembershipKind.ACTUAL ? 0 : 1))
                .findFirst().flatMap(m -> households.find(m.householdId()));
    }
}
