package cn.linli.registry;

import java.time.LocalDate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.linli.access.CurrentActor;
import cn.linli.access.PersonalDataProtection;
import cn.linli.access.PersonalField;
import cn.linli.registry.internal.BuildingStore;
import cn.linli.registry.internal.HouseholdStore;
import cn.linli.registry.internal.ResidentStore;
import cn.linli.registry.internal.VisitStore;
import cn.linli.territory.Location;
import cn.linli.territory.Locator;
import cn.linli.shared.DivisionLevel;

/**
 * Changes to the registry: buildings, households, residents, their moves, care tags and visits. Each operation is one transaction, validated first (a {@link RejectedRegistryInput} names
 * the field and changes nothing), limited to the acting user's scope and recorded in the audit log without the
 * identifiers themselves.
 */
@Service
public class Registry {

    /** The protected fields, bound into ciphertexts and blind indexes (see {@link PersonalField}). */
    public static final PersonalField RESIDENT_DOCUMENT = new PersonalField("registry.resident.document_number");
    public static final PersonalField RESIDENT_PHONE = new PersonalField("registry.resident.phone");
    public static final PersonalField HOUSEHOLD_PHONE = new PersonalField("registry.household.phone");
    static final int FINDINGS_MAX = 1000;

    private final RegistryGuard guard;
    private final ResidentMoves moves;
    private final CareTags careTags;
    private final ResidentCorrections corrections;
    private final BuildingStore buildings;
    private final HouseholdStore households;
    private final ResidentStore residents;
    private final VisitStore visits;
    private final PersonalDataProtection protection;
    private final Locator locator;
    private final CurrentActor actors;

    Registry(RegistryGuard guard, ResidentMoves moves, CareTags careTags, ResidentCorrections corrections, BuildingStore buildings, HouseholdStore households,
            ResidentStore residents, VisitStore visits, PersonalDataProtection protection, Locator locator, CurrentActor actors) {
        this.guard = guard;
        this.moves = moves;
        this.careTags = careTags;
        this.corrections = corrections;
        this.buildings = buildings;
        this.households = households;
        this.residents = residents;
        this.visits = visits;
        this.protection = protection;
        this.locator = locator;
        this.actors = actors;
    }

    /** Adds a building in the grid its point lies in, or in the grid chosen for it. */
    @Transactional
    public long addBuilding(NewBuilding building) {
        long gridId = guard.grid(gridOf(building));
        long id = buildings.insert(building, gridId);
        guard.audit("BUILDING_ADDED", "building " + id, "grid=" + gridId);
        return id;
    }

    /** Adds a household to a building; its grid is the building's. */
    @Transactional
    public long addHousehold(NewHousehold household) {
        var building = guard.building(household.buildingId());
        if (household.unitNo() > building.units()) {
            throw new RejectedRegistryInput("unitNo", "registry.error.no-such-unit", building.units());
        }
        if (household.floorNo() > building.floors()) {
            throw new RejectedRegistryInput("floorNo", "registry.error.no-such-floor", building.floors());
        }
        if (households.roomTaken(building.id(), household.unitNo(), household.room())) {
            throw new RejectedRegistryInput("room", "registry.error.room-taken", household.unitNo(), household.room());
        }
        var phone = household.phone() == null ? null : protection.protect(HOUSEHOLD_PHONE, household.phone());
        long id = households.insert(household, building.gridId(), phone);
        guard.audit("HOUSEHOLD_ADDED", "household " + id, "building=" + building.id() + "; grid=" + building.gridId());
        return id;
    }

    /** Registers a new resident as a member of a household: the first membership, of the given kind and relation. */
    @Transactional
    public long register(NewResident resident, long householdId, MembershipKind kind, Relation relation, LocalDate from) {
        Check.required(kind, "kind");
        Check.required(relation, "relation");
        Check.pastOrToday(from, "date");
        if (from.isBefore(resident.birthDate())) throw new RejectedRegistryInput("date", "registry.error.before-birth");
        var household = guard.household(householdId);
        var document = protection.protect(RESIDENT_DOCUMENT, resident.documentNumber());
        if (residents.documentKnown(document.blindIndex())) {
            throw new RejectedRegistryInput("documentNumber", "registry.error.document-known");
        }
        var phone = resident.phone() == null ? null : protection.protect(RESIDENT_PHONE, resident.phone());
        long id;
        try {
            id = residents.insert(resident, document, phone);
        } catch (DuplicateKeyException concurrent) {
            throw new RejectedRegistryInput("documentNumber", "registry.error.document-known");
        }
        moves.join(id, household, kind, relation, from);
        guard.audit("RESIDENT_REGISTERED", "resident " + id,
                "household=" + householdId + "; kind=" + kind + "; relation=" + relation + "; from=" + from);
        return id;
    }

    /**
     * Corrects a resident's details (see {@link ResidentCorrection}); refused when the record changed since the
     * version the user read. Repeating a correction already made changes nothing. The fields changed, by name.
     */
    @Transactional
    public java.util.List<String> correct(long residentId, ResidentCorrection correction) {
        return corrections.correct(residentId, correction);
    }

    /** A resident joins a household (moves in) with a membership of the kind, from the date. */
    @Transactional
    public void moveIn(long residentId, long householdId, MembershipKind kind, Relation relation, LocalDate from) {
        moves.moveIn(residentId, householdId, kind, relation, from);
    }

    /** A resident leaves their current household of the kind on the date (valid until that day, exclusive). */
    @Transactional
    public void moveOut(long residentId, MembershipKind kind, LocalDate on) {
        moves.moveOut(residentId, kind, on);
    }

    /** A move within the city: the membership of the kind closes and one in the other household opens on the date. */
    @Transactional
    public void moveWithinCity(long residentId, MembershipKind kind, long toHouseholdId, Relation relation, LocalDate on) {
        moves.moveWithinCity(residentId, kind, toHouseholdId, relation, on);
    }

    /** A resident leaves the city: all current memberships close on the date; the record stays as history. */
    @Transactional
    public void moveOutOfCity(long residentId, LocalDate on) {
        moves.leaveCity(residentId, ResidentStatus.MOVED_AWAY, on);
    }

    /** A death: all current memberships close on the date of death and the resident is recorded as deceased. */
    @Transactional
    public void recordDeath(long residentId, LocalDate on) {
        moves.leaveCity(residentId, ResidentStatus.DECEASED, on);
    }

    /** Adds a care tag of a configured type; {@code grade} only for graded types, {@code to} may be open (null). */
    @Transactional
    public long addCareTag(long residentId, String typeCode, Integer grade, LocalDate from, LocalDate to) {
        return careTags.add(residentId, typeCode, grade, from, to);
    }

    /** Ends a care tag on the date. */
    @Transactional
    public void endCareTag(long tagId, LocalDate on) {
        careTags.end(tagId, on);
    }

    /** Records a visit by the acting user (a grid worker, usually) to a household of their scope. */
    @Transactional
    public long recordVisit(long householdId, LocalDate on, String findings, boolean followUp) {
        Check.pastOrToday(on, "date");
        String found = Check.text(findings, "findings", FINDINGS_MAX);
        var household = guard.household(householdId);
        var actor = actors.current();
        long id = visits.insert(householdId, household.gridId(), on, actor.userId(), actor.username(), found, followUp);
        guard.audit("VISIT_RECORDED", "household " + householdId, "visit=" + id + "; on=" + on + "; followUp=" + followUp);
        return id;
    }

    private long gridOf(NewBuilding building) {
        if (building.point() == null) return building.gridId();
        Location location = locator.locate(building.point(), null);
        long located = location.at(DivisionLevel.GRID).map(grid -> grid.id())
                .orElseThrow(() -> new RejectedRegistryInput("point", "registry.error.point-outside"));
        if (building.gridId() != null && building.gridId() != located) {
            throw new RejectedRegistryInput("gridId", "registry.error.grid-contradicts-point");
        }
        return located;
    }
}
