package cn.linli.registry.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.linli.registry.ResidentStatus;

/**
 * The writes of the retention job: residents anonymised in place and cut off from the households they lived in,
 * the findings of old visits erased. Birth dates are cut to the first of January in Java (the two databases
 * truncate dates differently), so age bands by year still count. What is kept and why:
 * docs/decisions/0011-what-anonymisation-keeps.md.
 */
@Repository
public class RetentionStore {

    /** What an anonymised resident is called; not a name anybody has. */
    public static final String ANONYMOUS = "（已匿名）";

    /** What the job did to the households and visits of the residents it cut loose. */
    public record Unlinked(int memberships, int households, int visits) {
    }

    private record Due(long id, String name, LocalDate birthDate) {
    }

    /** Memberships of anonymised residents still pointing at a household (normally only those of this run). */
    private static final String ANONYMISED_MEMBER = """
            exists (select 1 from registry_resident r where r.id = m.resident_id and r.anonymised_on is not null)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final NameIndex names;

    RetentionStore(JdbcClient jdbc, JdbcTemplate batch, NameIndex names) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.names = names;
    }

    /**
     * Anonymises the residents of the status whose status began on or before {@code cutoff}; how many. Gender,
     * birth year, status and its date and the kind of document stay for the counts; everything else that
     * describes the person goes, ethnicity, education, employment and party membership too (not needed for the
     * counts, and in a small grid a rare value singles a person out). The name index forgets them.
     */
    public int anonymise(ResidentStatus status, LocalDate cutoff, LocalDate today) {
        List<Due> due = jdbc.sql("""
                select id, name, birth_date from registry_resident
                where status = ? and status_since <= ? and anonymised_on is null""")
                .params(status.name(), cutoff)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class))).list();
        due.forEach(d -> names.forget(d.id(), d.name()));
        batch.batchUpdate("""
                update registry_resident set name = ?, document_number = null, document_index = null, phone = null,
                    phone_index = null, ethnicity = null, education = null, employment = null, party_member = null,
                    birth_date = ?, anonymised_on = ?, version = version + 1
                where id = ? and anonymised_on is null""",
                due.stream().map(d -> new Object[] {ANONYMOUS, d.birthDate().withDayOfYear(1), today, d.id()}).toList());
        return due.size();
    }

    /**
     * Cuts anonymised residents off from the households they belonged to, so that no address, phone or visit note
     * points at them: the findings of visits to a household while they belonged to it are erased (free text may
     * name them), a household left with nobody but anonymised members loses its phone, and the memberships move to
     * {@code registry_anonymised_membership} with only their grid, kind and period. Also catches up residents
     * anonymised before this step existed. Each statement works on the set, so a second run finds nothing to do.
     */
    public Unlinked unlinkAnonymised() {
        int visits = jdbc.sql("""
                update registry_visit set findings = '' where findings <> '' and exists (
                    select 1 from registry_membership m where m.household_id = registry_visit.household_id
                    and registry_visit.visited_on >= m.valid_from
                    and (m.valid_to is null or registry_visit.visited_on <= m.valid_to) and %s)""".formatted(ANONYMISED_MEMBER))
                .update();
        int households = jdbc.sql("""
                update registry_household set phone = null, phone_index = null, head_id = null
                where (phone is not null or head_id is not null)
                and exists (select 1 from registry_membership m where m.household_id = registry_household.id and %s)
                and not exists (select 1 from registry_membership m join registry_resident r on r.id = m.resident_id
                    where m.household_id = registry_household.id and r.anonymised_on is null)"""
                .formatted(ANONYMISED_MEMBER)).update();
        jdbc.sql("""
                insert into registry_anonymised_membership (resident_id, grid_id, kind, valid_from, valid_to)
                select m.resident_id, h.grid_id, m.kind, m.valid_from, m.valid_to
                from registry_membership m join registry_household h on h.id = m.household_id
                where %s""".formatted(ANONYMISED_MEMBER)).update();
        int memberships = jdbc.sql("delete from registry_membership m where " + ANONYMISED_MEMBER).update();
        return new Unlinked(memberships, households, visits);
    }

    /** Erases what was found on visits before {@code cutoff}: free text about a household and its people. */
    public int eraseVisitFindings(LocalDate cutoff) {
        return jdbc.sql("update registry_visit set findings = '' where visited_on < ? and findings <> ''").param(cutoff).update();
    }
}
