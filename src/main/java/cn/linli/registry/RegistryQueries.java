package cn.linli.registry;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.linli.access.PersonalDataProtection;
import cn.linli.access.ProtectedValue;
import cn.linli.shared.IdNumber;
import cn.linli.shared.InvalidIdentityDocumentException;
import cn.linli.shared.InvalidPhoneNumberException;
import cn.linli.shared.PhoneNumber;
import cn.linli.registry.internal.BuildingStore;
import cn.linli.registry.internal.HouseholdStore;
import cn.linli.registry.internal.MembershipStore;
import cn.linli.registry.internal.RegistryScopes;
import cn.linli.registry.internal.ResidentStore;
import cn.linli.registry.internal.Rows;
import cn.linli.registry.internal.Scope;
import cn.linli.registry.internal.VisitStore;

/**
 * Reads of the registry, always within the acting user's scope ({@link RegistryScopes}): a record outside it is not
 * found, by id, by search or in a list alike. Identifiers are masked; exact search on them goes through the blind
 * index, never by decrypting the table.
 */
@Service
public class RegistryQueries {

    private static final int SEARCH_LIMIT = 50;

    private final RegistryScopes scopes;
    private final RegistryViews views;
    private final BuildingStore buildings;
    private final HouseholdStore households;
    private final ResidentStore residents;
    private final MembershipStore memberships;
    private final VisitStore visits;
    private final ReadableCareTags careTags;
    private final PersonalDataProtection protection;

    RegistryQueries(RegistryScopes scopes, RegistryViews views, BuildingStore buildings, HouseholdStore households,
            ResidentStore residents, MembershipStore memberships, VisitStore visits, ReadableCareTags careTags,
            PersonalDataProtection protection) {
        this.scopes = scopes;
        this.views = views;
        this.buildings = buildings;
        this.households = households;
        this.residents = residents;
        this.memberships = memberships;
        this.visits = visits;
        this.careTags = careTags;
        this.protection = protection;
    }

    /** A resident's card; reading a sensitive care tag is audited in this transaction. */
    @Transactional
    public Optional<ResidentCard> resident(long id) {
        Scope scope = scopes.current();
        return residents.findInScope(id, scope).map(r -> new ResidentCard(r.id(), views.name(r.name()), r.gender(),
                r.birthDate(), r.documentKind(), views.document(r), views.phone(r.phone(), r.phoneIndex(), Registry.RESIDENT_PHONE),
                r.ethnicity(), r.education(), r.employment(), r.partyMember(), r.status(), r.statusSince(),
                views.memberships(memberships.ofResident(r.id()), scope, resident -> r.name()), careTags.of(r.id()), r.version(),
                r.anonymisedOn()));
    }

    @Transactional(readOnly = true)
    public List<ResidentSummary> searchByName(String text) {
        if (text == null || text.isBlank()) return List.of();
        return residents.byName(text.strip(), scopes.current(), SEARCH_LIMIT).stream().map(views::summary).toList();
    }

    /**
     * Residents with this document number: its blind index is looked up, no stored number is decrypted. Numbers are
     * read as typed (spaces, full-width digits, lower-case x).
     */
    @Transactional(readOnly = true)
    public List<ResidentSummary> findByDocumentNumber(String number) {
        if (number == null || number.isBlank()) return List.of();
        String normal;
        try {
            normal = IdNumber.parse(number).value();
        } catch (InvalidIdentityDocumentException notAnIdNumber) {
            normal = java.text.Normalizer.normalize(number, java.text.Normalizer.Form.NFKC).replaceAll("\\s+", "")
                    .toUpperCase(java.util.Locale.ROOT);
        }
        return residents.byDocumentIndex(protection.blindIndex(Registry.RESIDENT_DOCUMENT, normal), scopes.current())
                .stream().map(views::summary).toList();
    }

    /** Residents with this phone number, through its blind index. */
    @Transactional(readOnly = true)
    public List<ResidentSummary> findByPhone(String phone) {
        PhoneNumber number;
        try {
            number = PhoneNumber.parse(phone);
        } catch (InvalidPhoneNumberException e) {
            throw new RejectedRegistryInput("phone", e.messageKey());
        }
        return residents.byPhoneIndex(protection.blindIndex(Registry.RESIDENT_PHONE, number.value()), scopes.current(),
                SEARCH_LIMIT).stream().map(views::summary).toList();
    }

    /** One search box: an ID number or phone number is looked up exactly, anything else as part of a name. */
    @Transactional(readOnly = true)
    public List<ResidentSummary> search(String text) {
        if (text == null || text.isBlank()) return List.of();
        String compact = compact(text);
        if (isIdNumber(compact)) return findByDocumentNumber(compact);
        if (isPhone(compact)) return findByPhone(compact);
        return searchByName(text);
    }

    private static String compact(String text) {
        return text.replaceAll("[\\s-]", "");
    }

    private static boolean isIdNumber(String compact) {
        return compact.matches("\\d{17}[\\dxX]");
    }

    private static boolean isPhone(String compact) {
        return compact.matches("\\+?\\d{7,13}");
    }

    /**
     * A resident's full document number, for a permitted role with a reason; written to the audit log (who, which
     * resident, which field, why). Empty for a resident outside the scope.
     */
    @Transactional
    public Optional<String> unmaskDocument(long residentId, String reason) {
        return residents.findInScope(residentId, scopes.current()).map(r -> {
            if (r.documentNumber() == null) throw new RejectedRegistryInput("reason", "registry.error.anonymised");
            return r;
        }).map(r -> protection.unmask(
                ProtectedValue.ofStoredText(r.documentNumber(), r.documentIndex()), "resident " + residentId,
                Registry.RESIDENT_DOCUMENT, reason));
    }

    /**
     * Households whose address contains the text. An ID or phone number typed into the search box is no part of an
     * address, so it reads no addresses (across the city that would be every household, for nothing).
     */
    @Transactional(readOnly = true)
    public List<HouseholdSummary> searchHouseholds(String address) {
        if (address == null || address.isBlank()) return List.of();
        if (isIdNumber(compact(address)) || isPhone(compact(address))) return List.of();
        return households.searchByAddress(address.strip(), scopes.current(), SEARCH_LIMIT).stream().map(views::summary).toList();
    }

    /** The household as of a date (null = today): members then, and the whole history of moves. */
    public Optional<HouseholdCard> household(long id, LocalDate asOf) {
        Scope scope = scopes.current();
        return households.find(id).filter(h -> scope.covers(h.gridId())).map(h -> {
            LocalDate date = asOf != null ? asOf : LocalDate.now(Check.CITY_ZONE);
            List<Rows.Membership> all = memberships.ofHousehold(id);
            Map<Long, String> names = namesOf(all);
            List<MembershipView> history = views.memberships(all, scope, names::get);
            List<MembershipView> members = history.stream()
                    .filter(m -> !date.isBefore(m.validFrom()) && (m.validTo() == null || date.isBefore(m.validTo())))
                    .sorted(Comparator.comparing(MembershipView::relation)).toList();
            return new HouseholdCard(h.id(), h.buildingId(), h.address(), h.unitNo(), h.floorNo(), h.room(), h.gridId(),
                    h.type(), views.phone(h.phone(), h.phoneIndex(), Registry.HOUSEHOLD_PHONE), h.headId(), date, members, history);
        });
    }

    /** The members of a household on a date (null = today); empty when the household is outside the scope. */
    public List<MembershipView> householdMembers(long householdId, LocalDate asOf) {
        return household(householdId, asOf).map(HouseholdCard::members).orElse(List.of());
    }

    /** A building with its households by unit and floor. */
    public Optional<BuildingView> building(long id) {
        Scope scope = scopes.current();
        return buildings.find(id).filter(b -> scope.covers(b.gridId())).map(b -> new BuildingView(b.id(), b.address(),
                b.type(), b.units(), b.floors(), b.gridId(), b.lng(), b.lat(),
                households.inBuilding(id).stream().map(views::summary).toList()));
    }

    /** The households of a grid in the scope, for the grid standard; empty outside the scope. */
    public OptionalInt gridHouseholds(long gridId) {
        return scopes.current().covers(gridId) ? OptionalInt.of(households.countInGrid(gridId)) : OptionalInt.empty();
    }

    /** Patrol coverage of a grid in the scope between two dates (both inclusive). */
    public Optional<PatrolCoverage> patrolCoverage(long gridId, LocalDate from, LocalDate to) {
        Check.required(from, "from");
        Check.required(to, "to");
        if (to.isBefore(from)) throw new RejectedRegistryInput("to", "registry.error.period-reversed");
        if (!scopes.current().covers(gridId)) return Optional.empty();
        return Optional.of(new PatrolCoverage(gridId, from, to, visitsIn(gridId, from, to), households.countInGrid(gridId)));
    }

    /** The kinds of care tag the reader may add: sensitive kinds only for roles that may read them. */
    public List<CareTagTypeView> careTagTypes() {
        boolean sensitive = protection.may(cn.linli.access.Permission.READ_SENSITIVE);
        return careTags.types().stream().filter(t -> sensitive || !t.sensitive())
                .map(t -> new CareTagTypeView(t.code(), t.nameZh(), t.nameEn(), t.graded(), t.sensitive())).toList();
    }

    private int visitsIn(long gridId, LocalDate from, LocalDate to) {
        return visits.householdsVisited(gridId, from, to);
    }

    private Map<Long, String> namesOf(List<Rows.Membership> rows) {
        return rows.stream().map(Rows.Membership::residentId).distinct()
                .collect(Collectors.toMap(Function.identity(), rid -> residents.find(rid).orElseThrow().name()));
    }
}
