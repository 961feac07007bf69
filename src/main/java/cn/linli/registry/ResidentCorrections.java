package cn.linli.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import cn.linli.access.PersonalDataProtection;
import cn.linli.access.ProtectedValue;
import cn.linli.registry.internal.HouseholdStore;
import cn.linli.registry.internal.MembershipStore;
import cn.linli.registry.internal.NameIndex;
import cn.linli.registry.internal.RegistryScopes;
import cn.linli.registry.internal.ResidentStore;
import cn.linli.registry.internal.Rows;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;

/**
 * Applies a {@link ResidentCorrection} inside the transaction of {@link Registry#correct}: the corrected resident is
 * checked as a whole like a new one ({@link NewResident}: GB 11643, date of birth and sex agreeing with the number),
 * a new document number is refused when another resident holds it, changed identifiers are encrypted afresh with
 * their blind index. The audit record names the fields changed, never their values.
 */
@Component
class ResidentCorrections {

    private final RegistryGuard guard;
    private final ResidentStore residents;
    private final MembershipStore memberships;
    private final HouseholdStore households;
    private final PersonalDataProtection protection;
    private final RegistryScopes scopes;
    private final NameIndex names;

    ResidentCorrections(RegistryGuard guard, ResidentStore residents, MembershipStore memberships, HouseholdStore households,
            PersonalDataProtection protection, RegistryScopes scopes, NameIndex names) {
        this.scopes = scopes;
        this.names = names;
        this.guard = guard;
        this.residents = residents;
        this.memberships = memberships;
        this.households = households;
        this.protection = protection;
    }

    /** The names of the fields that changed; empty (and nothing written) when the correction repeats what is stored. */
    List<String> correct(long residentId, ResidentCorrection correction) {
        Check.required(correction, "name");
        Check.required(correction.version(), "version");
        Rows.Resident current = guard.resident(residentId);
        if (current.anonymisedOn() != null) throw new RejectedRegistryInput("residentId", "registry.error.anonymised");
        // names are masked above the community: a correction typed over a masked name would destroy it
        if (!scopes.seesFullNames()) throw new RejectedRegistryInput("name", "registry.error.correction-needs-full-names");
        NewResident corrected = corrected(current, correction);
        List<String> changed = changedFields(current, corrected);
        Map<Rows.Membership, Relation> relationChanges = relationChanges(residentId, correction);
        if (changed.isEmpty() && relationChanges.isEmpty()) return changed;
        if (correction.version() != current.version()) {
            throw new RejectedRegistryInput("version", "registry.error.changed-meanwhile");
        }
        if (!changed.isEmpty()) write(current, corrected, changed);
        if (changed.contains("name")) names.rename(residentId, current.name());
        relationChanges.forEach(this::changeRelation);
        if (!relationChanges.isEmpty()) changed.add("relation");
        guard.audit("RESIDENT_CORRECTED", "resident " + residentId, "fields=" + String.join(",", changed));
        return changed;
    }

    private NewResident corrected(Rows.Resident current, ResidentCorrection c) {
        DocumentKind kind = c.documentKind() != null ? c.documentKind() : current.documentKind();
        String number = c.newDocument() ? c.documentNumber() : document(current);
        String phone = c.removePhone() ? null : c.newPhone() ? c.phone() : phone(current);
        boolean numberCarriesBirth = kind == DocumentKind.RESIDENT_ID_CARD || kind == DocumentKind.RESIDENCE_PERMIT;
        Gender gender = c.gender() != null || numberCarriesBirth ? c.gender() : current.gender();
        var birthDate = c.birthDate() != null || numberCarriesBirth ? c.birthDate() : current.birthDate();
        return new NewResident(c.name(), gender, birthDate, kind, number, phone, c.ethnicity(), c.education(),
                c.employment(), c.partyMember());
    }

    private List<String> changedFields(Rows.Resident current, NewResident corrected) {
        List<String> changed = new ArrayList<>();
        if (!current.name().equals(corrected.name())) changed.add("name");
        if (current.gender() != corrected.gender()) changed.add("gender");
        if (!current.birthDate().equals(corrected.birthDate())) changed.add("birthDate");
        if (current.documentKind() != corrected.documentKind()
                || !current.documentIndex().equals(documentIndex(corrected))) changed.add("documentNumber");
        if (!Objects.equals(current.phoneIndex(), phoneIndex(corrected))) changed.add("phone");
        if (!Objects.equals(current.ethnicity(), corrected.ethnicity())) changed.add("ethnicity");
        if (!Objects.equals(current.education(), corrected.education())) changed.add("education");
        if (!Objects.equals(current.employment(), corrected.employment())) changed.add("employment");
        if (!Objects.equals(current.partyMember(), corrected.partyMember())) changed.add("partyMember");
        return changed;
    }

    private void write(Rows.Resident current, NewResident corrected, List<String> changed) {
        var document = protection.protect(Registry.RESIDENT_DOCUMENT, corrected.documentNumber());
        if (changed.contains("documentNumber") && residents.documentKnownElsewhere(document.blindIndex(), current.id())) {
            throw new RejectedRegistryInput("documentNumber", "registry.error.document-held-by-another");
        }
        var phone = corrected.phone() == null ? null : protection.protect(Registry.RESIDENT_PHONE, corrected.phone());
        try {
            if (!residents.correct(current.id(), current.version(), corrected, document, phone)) {
                throw new RejectedRegistryInput("version", "registry.error.changed-meanwhile");
            }
        } catch (DuplicateKeyException concurrent) {
            throw new RejectedRegistryInput("documentNumber", "registry.error.document-held-by-another");
        }
    }

    /** The current memberships whose relation is to change, with the new relation. */
    private Map<Rows.Membership, Relation> relationChanges(long residentId, ResidentCorrection c) {
        Map<Rows.Membership, Relation> changes = new LinkedHashMap<>();
        List<Rows.Membership> current = memberships.ofResident(residentId).stream().filter(Rows.Membership::current).toList();
        c.relations().forEach((kind, relation) -> {
            Rows.Membership membership = current.stream().filter(m -> m.kind() == kind).findFirst()
                    .orElseThrow(() -> new RejectedRegistryInput("relation", "registry.error.no-current-household"));
            if (membership.relation() != relation) changes.put(membership, relation);
        });
        return changes;
    }

    private void changeRelation(Rows.Membership membership, Relation relation) {
        Rows.Household household = households.find(membership.householdId()).orElseThrow();
        boolean wasHead = Objects.equals(household.headId(), membership.residentId());
        if (relation == Relation.HEAD && household.headId() != null && !wasHead) {
            throw new RejectedRegistryInput("relation", "registry.error.head-exists", household.headId());
        }
        memberships.setRelation(membership.id(), relation);
        if (relation == Relation.HEAD) households.setHead(household.id(), membership.residentId());
        else if (wasHead) households.setHead(household.id(), null);
    }

    private String documentIndex(NewResident resident) {
        return protection.blindIndex(Registry.RESIDENT_DOCUMENT, resident.documentNumber());
    }

    private String phoneIndex(NewResident resident) {
        return resident.phone() == null ? null : protection.blindIndex(Registry.RESIDENT_PHONE, resident.phone());
    }

    private String document(Rows.Resident resident) {
        return protection.reveal(Registry.RESIDENT_DOCUMENT,
                ProtectedValue.ofStoredText(resident.documentNumber(), resident.documentIndex()));
    }

    private String phone(Rows.Resident resident) {
        return resident.phone() == null ? null
                : protection.reveal(Registry.RESIDENT_PHONE, ProtectedValue.ofStoredText(resident.phone(), resident.phoneIndex()));
    }
}
