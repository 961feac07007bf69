package cn.linli.registry.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Care tag types (registry_care_tag_type, configurable) and the tags on residents (registry_care_tag). */
@Repository
public class CareTagStore {

    private final JdbcClient jdbc;

    CareTagStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Rows.CareTagType> types() {
        return jdbc.sql("select * from registry_care_tag_type order by sort_order, code")
                .query((rs, n) -> new Rows.CareTagType(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                        rs.getBoolean("graded"), rs.getBoolean("sensitive"), rs.getString("category"))).list();
    }

    public Optional<Rows.CareTagType> type(String code) {
        return types().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public long insert(long residentId, String typeCode, Integer grade, LocalDate from, LocalDate to) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into registry_care_tag (resident_id, type_code, grade, valid_from, valid_to) values (?, ?, ?, ?, ?)")
                .params(residentId, typeCode, grade, from, to).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Rows.CareTag> find(long id) {
        return jdbc.sql("select * from registry_care_tag where id = ?").param(id).query(CareTagStore::row).optional();
    }

    public List<Rows.CareTag> ofResident(long residentId) {
        return jdbc.sql("select * from registry_care_tag where resident_id = ? order by valid_from, id")
                .param(residentId).query(CareTagStore::row).list();
    }

    public void end(long id, LocalDate on) {
        jdbc.sql("update registry_care_tag set valid_to = ? where id = ?").params(on, id).update();
    }

    private static Rows.CareTag row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int grade = rs.getInt("grade");
        Integer gradeOrNull = rs.wasNull() ? null : grade;
        return new Rows.CareTag(rs.getLong("id"), rs.getLong("resident_id"), rs.getString("type_code"), gradeOrNull,
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
    }
}
