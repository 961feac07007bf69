package cn.linli.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.linli.access.ProtectedValue;
import cn.linli.registry.NewResident;
import cn.linli.registry.ResidentStatus;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;

/**
 * Residents (registry_resident). Scoped reads see a resident through the households they belong to now, or, once
 * they belong to none (moved away, died), through the households they left last: the community that registered a
 * death keeps the record, the next community does not see the old one's residents.
 */
@Repository
public class ResidentStore {

    private static final String IN_SCOPE = """
             exists (select 1 from registry_membership m join registry_household h on h.id = m.household_id
                where m.resident_id = r.id and %s and (m.valid_to is null or not exists (
                    select 1 from registry_membership c where c.resident_id = r.id
                    and (c.valid_to is null or c.valid_to > m.valid_to))))""";

    private final JdbcClient jdbc;

    ResidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewResident resident, ProtectedValue document, ProtectedValue phone) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into registry_resident (name, gender, birth_date, document_kind, document_number, document_index,
                    phone, phone_index, ethnicity, education, employment, party_member, status)
                values (:name, :gender, :birth, :kind, :document, :documentIndex, :phone, :phoneIndex, :ethnicity,
                    :education, :employment, :party, 'ACTIVE')""")
                .param("name", resident.name()).param("gender", resident.gender().name())
                .param("birth", resident.birthDate()).param("kind", resident.documentKind().name())
                .param("document", document.storedText()).param("documentIndex", document.blindIndex())
                .param("phone", phone == null ? null : phone.storedText())
                .param("phoneIndex", phone == null ? null : phone.blindIndex())
                .param("ethnicity", resident.ethnicity()).param("education", resident.education())
                .param("employment", resident.employment()).param("party", resident.partyMember())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean documentKnown(String documentIndex) {
        return jdbc.sql("select count(*) from registry_resident where document_index = ?").param(documentIndex)
                .query(Integer.class).single() > 0;
    }

    /** Whether a resident other than {@code residentId} holds the document. */
    public boolean documentKnownElsewhere(String documentIndex, long residentId) {
        return jdbc.sql("select count(*) from registry_resident where document_index = ? and id <> ?")
                .params(documentIndex, residentId).query(Integer.class).single() > 0;
    }

    /** Writes corrected details if the row is still at {@code version}; false when someone changed it meanwhile. */
    public boolean correct(long id, int version, NewResident resident, ProtectedValue document, ProtectedValue phone) {
        return jdbc.sql("""
                update registry_resident set name = :name, gender = :gender, birth_date = :birth, document_kind = :kind,
                    document_number = :document, document_index = :documentIndex, phone = :phone, phone_index = :phoneIndex,
                    ethnicity = :ethnicity, education = :education, employment = :employment, party_member = :party,
                    version = version + 1
                where id = :id and version = :version""")
                .param("name", resident.name()).param("gender", resident.gender().name())
                .param("birth", resident.birthDate()).param("kind", resident.documentKind().name())
                .param("document", document.storedText()).param("documentIndex", document.blindIndex())
                .param("phone", phone == null ? null : phone.storedText())
                .param("phoneIndex", phone == null ? null : phone.blindIndex())
                .param("ethnicity", resident.ethnicity()).param("education", resident.education())
                .param("employment", resident.employment()).param("party", resident.partyMember())
                .param("id", id).param("version", version).update() == 1;
    }

    public Optional<Rows.Resident> find(long id) {
        return jdbc.sql("select * from registry_resident where id = ?").param(id).query(ResidentStore::row).optional();
    }

    public Optional<Rows.Resident> findInScope(long id, Scope scope) {
        return scoped("r.id = :value", id, scope, 1).stream().findFirst();
    }

    public List<Rows.Resident> byDocumentIndex(String index, Scope scope) {
        return scoped("r.document_index = :value", index, scope, 10);
    }

    public List<Rows.Resident> byPhoneIndex(String index, Scope scope, int limit) {
        return scoped("r.phone_index = :value", index, scope, limit);
    }

    /**
     * Full or partial names: 张伟, 张, 伟 (Chinese names have no spaces to split on, so a substring match). The
     * candidates come from the {@link NameIndex} under the scope's grids, in name order; the scope rule is then
     * checked on those few rows as on every other read.
     */
    public List<Rows.Resident> byName(String text, Scope scope, int limit) {
        if (scope.isEmpty() || text.isEmpty()) return List.of();
        NameIndex.Key key = NameIndex.key(text);
        return jdbc.sql("select r.* from registry_resident r where " + NameIndex.condition(text, scope)
                        + " and r.name like :pattern escape '\\' and " + IN_SCOPE.formatted(scope.condition("h.grid_id"))
                        + " order by r.name, r.id limit :limit")
                .param("first", key.first()).param("next", key.next()).param("pattern", NameIndex.pattern(text))
                .param("grids", scope.bindable()).param("limit", limit)
                .query(ResidentStore::row).list();
    }

    public void setStatus(long id, ResidentStatus status, LocalDate since) {
        jdbc.sql("update registry_resident set status = ?, status_since = ? where id = ?")
                .params(status.name(), since, id).update();
    }

    /**
     * The residents who ever belonged to a household of the scope's grids: implied by {@link #IN_SCOPE}, but stated
     * on its own (no reference to the outer row) it lets the database start from the scope's households instead of
     * reading every resident of the city to test a name; a community's search then reads thousands of rows, not
     * two million. As an array, PostgreSQL looks the ids up in one sorted pass over the primary key (a quarter less
     * work than a join with the subquery).
     */
    private static final String SCOPE_CANDIDATES = """
            r.id = any(array(select s.resident_id from registry_membership s join registry_household sh on sh.id = s.household_id
                where %s))""";

    private List<Rows.Resident> scoped(String condition, Object value, Scope scope, int limit) {
        if (scope.isEmpty()) return List.of();
        String candidates = scope.everything() ? "" : " and " + SCOPE_CANDIDATES.formatted(scope.condition("sh.grid_id"));
        return jdbc.sql("select r.* from registry_resident r where " + condition + candidates + " and "
                        + IN_SCOPE.formatted(scope.condition("h.grid_id")) + " order by r.name, r.id limit :limit")
                .param("value", value).param("grids", scope.bindable()).param("limit", limit)
                .query(ResidentStore::row).list();
    }

    static Rows.Resident row(ResultSet rs, int n) throws SQLException {
        boolean party = rs.getBoolean("party_member");
        Boolean partyOrNull = rs.wasNull() ? null : party;
        return new Rows.Resident(rs.getLong("id"), rs.getString("name"), Gender.valueOf(rs.getString("gender")),
                rs.getObject("birth_date", LocalDate.class), DocumentKind.valueOf(rs.getString("document_kind")),
                rs.getString("document_number"), rs.getString("document_index"), rs.getString("phone"),
                rs.getString("phone_index"), rs.getString("ethnicity"), rs.getString("education"),
                rs.getString("employment"), partyOrNull, ResidentStatus.valueOf(rs.getString("status")),
                rs.getObject("status_since", LocalDate.class), rs.getInt("version"),
                rs.getObject("anonymised_on", LocalDate.class));
    }
}
