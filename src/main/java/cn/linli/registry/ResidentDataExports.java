package cn.linli.registry;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.AuditLog;
import cn.linli.access.AuditQuery;
import cn.linli.access.CurrentActor;
import cn.linli.access.Permission;
import cn.linli.access.PersonalDataProtection;
import cn.linli.access.ProtectedValue;
import cn.linli.registry.internal.HouseholdStore;
import cn.linli.registry.internal.MembershipStore;
import cn.linli.registry.internal.RegistryScopes;
import cn.linli.registry.internal.ResidentStore;
import cn.linli.registry.internal.Rows;
import cn.linli.registry.internal.VisitStore;

/**
 * A resident's own data, gathered at their request by staff who may see identifiers in full (it goes to the person
 * themself, so nothing is masked). Needs a stated reason; the export is audited, and sensitive care tags are read
 * through the audited read. Only residents in the staff member's scope.
 */
@Service
public class ResidentDataExports {

    /** The audit trail of one resident is short; this bounds a record that was read in a loop by mistake. */
    static final int ACCESS_MAX = 5000;

    private final RegistryScopes scopes;
    private final ResidentStore residents;
    private final MembershipStore memberships;
    private final HouseholdStore households;
    private final VisitStore visits;
    private final ReadableCareTags careTags;
    private final PersonalDataProtection protection;
    private final AuditLog audit;
    private final CurrentActor actors;
    private final TransactionTemplate transaction;

    ResidentDataExports(RegistryScopes scopes, ResidentStore residents, MembershipStore memberships, HouseholdStore households,
            VisitStore visits, ReadableCareTags careTags, PersonalDataProtection protection, AuditLog audit, CurrentActor actors,
            PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.scopes = scopes;
        this.residents = residents;
        this.memberships = memberships;
        this.households = households;
        this.visits = visits;
        this.careTags = careTags;
        this.protection = protection;
        this.audit = audit;
        this.actors = actors;
    }

    /**
     * Not one transaction as a whole: a refusal is audited and must stay when the exception goes up; the reads and
     * the record of the export are one transaction.
     */
    public ResidentData export(long residentId, String reason, String format) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) throw new RejectedRegistryInput("reason", "registry.error.data-export-reason");
        if (why.length() > 200) throw new RejectedRegistryInput("reason", "registry.error.too-long", 200);
        Rows.Resident r = residents.findInScope(residentId, scopes.current())
                .orElseThrow(() -> new RejectedRegistryInput("residentId", "registry.error.unknown-resident", residentId));
        String subject = "resident " + residentId;
        if (!protection.may(Permission.UNMASK)) {
            audit.record("REGISTRY_SUBJECT_EXPORT_REFUSED", subject, "without permission");
            throw new AccessDeniedException("the roles of the acting user do not include " + Permission.UNMASK);
        }
        return transaction.execute(status -> gather(r, subject, why, format));
    }

    private ResidentData gather(Rows.Resident r, String subject, String why, String format) {
        long residentId = r.id();
        List<ResidentData.Access> accesses = accesses(subject);
        List<Rows.Membership> periods = memberships.ofResident(residentId);
        var data = new ResidentData(residentId, Instant.now(), actors.current().username(), why, personal(r),
                periods.stream().map(this::membership).toList(), careTags.of(residentId, "本人信息导出 (subject access): " + why),
                visits(periods), accesses);
        audit.record("REGISTRY_SUBJECT_EXPORTED", subject, "format=" + format + "; reason=" + why);
        return data;
    }

    private ResidentData.Personal personal(Rows.Resident r) {
        String document = r.documentNumber() == null ? null
                : protection.reveal(Registry.RESIDENT_DOCUMENT, ProtectedValue.ofStoredText(r.documentNumber(), r.documentIndex()));
        String phone = r.phone() == null ? null
                : protection.reveal(Registry.RESIDENT_PHONE, ProtectedValue.ofStoredText(r.phone(), r.phoneIndex()));
        return new ResidentData.Personal(r.name(), r.gender(), r.birthDate(), r.documentKind(), document, phone, r.ethnicity(),
                r.education(), r.employment(), r.partyMember(), r.status(), r.statusSince());
    }

    private ResidentData.Membership membership(Rows.Membership m) {
        String address = households.find(m.householdId()).map(Rows.Household::address).orElse(null);
        return new ResidentData.Membership(m.householdId(), address, m.kind(), m.relation(), m.validFrom(), m.validTo());
    }

    /** The visits to each household while the resident belonged to it. */
    private List<ResidentData.Visit> visits(List<Rows.Membership> periods) {
        return periods.stream().map(Rows.Membership::householdId).distinct()
                .flatMap(household -> visits.ofHousehold(household).stream())
                .filter(v -> periods.stream().anyMatch(m -> m.householdId() == v.householdId() && m.validOn(v.visitedOn())))
                .sorted(Comparator.comparing(Rows.Visit::visitedOn))
                .map(v -> new ResidentData.Visit(v.householdId(), v.visitedOn(), v.visitor(), v.findings(), v.followUp()))
                .toList();
    }

    /** The audit lines whose subject is exactly this resident (the filter matches parts: resident 12 in resident 123). */
    private List<ResidentData.Access> accesses(String subject) {
        return audit.search(new AuditQuery(null, null, subject, null, null), 0, ACCESS_MAX).entries().stream()
                .filter(e -> subject.equals(e.subject()))
                .map(e -> new ResidentData.Access(e.occurredAt(), e.actor(), e.action(), e.detail()))
                .sorted(Comparator.comparing(ResidentData.Access::at)).toList();
    }
}
