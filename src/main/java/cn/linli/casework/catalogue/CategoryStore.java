package cn.linli.casework.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.linli.casework.CaseStage;
import cn.linli.casework.Category;
import cn.linli.casework.CategoryCode;
import cn.linli.worktime.TimeLimitUnit;
import cn.linli.worktime.TimeLimit;

/** The catalogue tables: codes, their versions and the versions' limits. */
@Repository
public class CategoryStore {

    private final JdbcClient jdbc;

    CategoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from casework_category").query(Long.class).single() == 0;
    }

    public List<Category> loadAll() {
        Map<Long, Map<Boolean, Map<CaseStage, TimeLimit>>> limits = new HashMap<>();
        jdbc.sql("select version_id, stage, urgent, amount, unit from casework_category_limit").query(rs -> {
            limits.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                    .computeIfAbsent(rs.getBoolean(3), k -> new EnumMap<>(CaseStage.class))
                    .put(CaseStage.valueOf(rs.getString(2)), new TimeLimit(rs.getInt(4), TimeLimitUnit.valueOf(rs.getString(5))));
        });
        List<Category> all = new ArrayList<>();
        jdbc.sql("""
                select id, code, version, valid_from, valid_to, parent_code, family, name_zh, name_en, register_condition,
                       close_condition, published, confidential, sensitive, handler_kind, department, keywords, retired
                from casework_category_version order by code, version""")
                .query(rs -> {
                    var own = limits.getOrDefault(rs.getLong("id"), Map.of());
                    all.add(category(rs, new Category.Limits(own.get(false), own.get(true))));
                });
        return all;
    }

    private static Category category(ResultSet rs, Category.Limits limits) throws SQLException {
        String parent = rs.getString("parent_code");
        String keywords = rs.getString("keywords");
        return new Category(new CategoryCode(rs.getString("code")), parent == null ? null : new CategoryCode(parent),
                Category.Family.valueOf(rs.getString("family")), rs.getString("name_zh"), rs.getString("name_en"), limits,
                rs.getString("register_condition"), rs.getString("close_condition"), rs.getBoolean("published"),
                rs.getBoolean("confidential"), rs.getBoolean("sensitive"),
                handler(rs.getString("handler_kind"), rs.getString("department")),
                keywords == null || keywords.isBlank() ? List.of() : Arrays.asList(keywords.split("、")),
                rs.getBoolean("retired"), rs.getInt("version"), instant(rs, "valid_from"), instant(rs, "valid_to"));
    }

    private static Category.Handler handler(String kind, String department) {
        return kind == null ? null : new Category.Handler(Category.HandlerKind.valueOf(kind), department);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Registers a new code; fails on a code that exists, also when another instance has just added it. */
    public void insertCode(CategoryCode code, Instant at) {
        jdbc.sql("insert into casework_category (code, created_at, revision) values (?, ?, 1)")
                .params(code.value(), utc(at)).update();
    }

    /** Raises the code's revision from the one read; false when another writer got there first. */
    public boolean advance(CategoryCode code, int readRevision) {
        return jdbc.sql("update casework_category set revision = ? where code = ? and revision = ?")
                .params(readRevision + 1, code.value(), readRevision).update() == 1;
    }

    public void endVersion(CategoryCode code, Instant at) {
        jdbc.sql("update casework_category_version set valid_to = ? where code = ? and valid_to is null")
                .params(utc(at), code.value()).update();
    }

    public void insertVersion(Category c, String recordedBy, String note) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into casework_category_version (code, version, valid_from, valid_to, parent_code, family, name_zh,
                    name_en, register_condition, close_condition, published, confidential, sensitive, handler_kind,
                    department, keywords, retired, recorded_by, note)
                values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.code().value(), c.version(), utc(c.validFrom()), c.parentCode() == null ? null : c.parentCode().value(),
                        c.family().name(), c.nameZh(), c.nameEn(), c.registerCondition(), c.closeCondition(), c.published(),
                        c.confidential(), c.sensitive(), c.handler() == null ? null : c.handler().kind().name(), c.handler() == null ? null : c.handler().department(),
                        c.keywords().isEmpty() ? null : String.join("、", c.keywords()), c.retired(), recordedBy, note)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (boolean urgent : new boolean[] {false, true}) {
            (urgent ? c.limits().urgent() : c.limits().normal()).forEach((stage, limit) -> jdbc.sql(
                    "insert into casework_category_limit (version_id, stage, urgent, amount, unit) values (?, ?, ?, ?, ?)")
                    .params(id, stage.name(), urgent, limit.amount(), limit.unit().name()).update());
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
