package cn.linli.registry.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.linli.registry.ResidentStatus;

/**
 * The writes of the retention job: residents anonymised in place, the findings of old visits erased. Birth dates are
 * cut to the first of January in Java (the two databases truncate dates differently), so age bands by year still count.
 */
@Repository
public class RetentionStore {

    /** What an anonymised resident is called; not a name anybody has. */
    public static final String ANONYMOUS = "（已匿名）";

    private record Due(long id, LocalDate birthDate) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RetentionStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Anonymises the residents of the status whose status began on or before {@code cutoff}; how many. */
    public int anonymise(ResidentStatus status, LocalDate cutoff, LocalDate today) {
        List<Due> due = jdbc.sql("""
                select id, birth_date from registry_resident
                where status = ? and status_since <= ? and anonymised_on is null""")
                .params(status.name(), cutoff).query((rs, n) -> new Due(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
        batch.batchUpdate("""
                update registry_resident set name = ?, document_number = null, document_index = null, phone = null,
                    phone_index = null, birth_date = ?, anonymised_on = ?, version = version + 1
                where id = ? and anonymised_on is null""",
                due.stream().map(d -> new Object[] {ANONYMOUS, d.birthDate().withDayOfYear(1), today, d.id()}).toList());
        return due.size();
    }

    /** Erases what was found on visits before {@code cutoff}: free text about a household and its people. */
    public int eraseVisitFindings(LocalDate cutoff) {
        return jdbc.sql("update registry_visit set findings = '' where visited_on < ? and findings <> ''").param(cutoff).update();
    }
}
