package cn.linli.organisation.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.MemberRole;
import cn.linli.organisation.Membership;
import cn.linli.organisation.UnitKind;

/** The handling units with their coverage and categories, and the memberships, in the organisation tables. */
@Repository
public class HandlingUnitStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    HandlingUnitStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Directory load() {
        Map<Long, Set<Long>> coverage = new HashMap<>();
        jdbc.sql("select unit_id, territory_unit_id from organisation_unit_coverage")
                .query(rs -> { coverage.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2)); });
        Map<Long, Set<String>> categories = new HashMap<>();
        jdbc.sql("select unit_id, category_key from organisation_unit_category")
                .query(rs -> { categories.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)); });
        List<HandlingUnit> units = jdbc.sql("""
                select id, kind, name, department_key, home_unit_id, derived_from, supervisor_id, phone, active, valid_from, valid_to
                  from organisation_unit""")
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return new HandlingUnit(id, UnitKind.valueOf(rs.getString("kind")), rs.getString("name"),
                            rs.getString("department_key"), rs.getLong("home_unit_id"), rs.getObject("derived_from", Long.class),
                            coverage.getOrDefault(id, Set.of()), categories.getOrDefault(id, Set.of()),
                            rs.getObject("supervisor_id", Long.class), rs.getString("phone"), rs.getBoolean("active"),
                            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
                }).list();
        List<Membership> memberships = jdbc.sql("select user_id, unit_id, role from organisation_membership")
                .query((rs, n) -> new Membership(rs.getLong(1), rs.getLong(2), MemberRole.valueOf(rs.getString(3)))).list();
        return new Directory(units, memberships);
    }

    /** Inserts the unit (its id is ignored) with coverage and categories; returns the new id. */
    public long insert(HandlingUnit unit) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into organisation_unit (kind, name, department_key, home_unit_id, derived_from, supervisor_id, phone,
                                               active, valid_from, valid_to, updated_at)
                values (:kind, :name, :key, :home, :derivedFrom, :supervisor, :phone, :active, :validFrom, :validTo, :now)""")
                .param("kind", unit.kind().name()).param("derivedFrom", unit.derivedFrom())
                .params(columns(unit)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        writeSets(id, unit);
        return id;
    }

    /** Replaces the unit's attributes, coverage and categories; kind and derivation never change. */
    public void update(HandlingUnit unit) {
        jdbc.sql("""
                update organisation_unit set name = :name, department_key = :key, home_unit_id = :home, supervisor_id = :supervisor,
                       phone = :phone, active = :active, valid_from = :validFrom, valid_to = :validTo, updated_at = :now
                 where id = :id""")
                .params(columns(unit)).param("id", unit.id()).update();
        jdbc.sql("delete from organisation_unit_coverage where unit_id = ?").param(unit.id()).update();
        jdbc.sql("delete from organisation_unit_category where unit_id = ?").param(unit.id()).update();
        writeSets(unit.id(), unit);
    }

    /** Adds the membership or changes the role of an existing one. */
    public void saveMembership(Membership membership) {
        jdbc.sql("delete from organisation_membership where user_id = ? and unit_id = ?")
                .params(membership.userId(), membership.unitId()).update();
        jdbc.sql("insert into organisation_membership (user_id, unit_id, role) values (?, ?, ?)")
                .params(membership.userId(), membership.unitId(), membership.role().name()).update();
    }

    public boolean removeMembership(long userId, long unitId) {
        return jdbc.sql("delete from organisation_membership where user_id = ? and unit_id = ?").params(userId, unitId).update() > 0;
    }

    private void writeSets(long id, HandlingUnit unit) {
        List<Object[]> coverage = new ArrayList<>();
        unit.coverage().forEach(territoryUnit -> coverage.add(new Object[] {id, territoryUnit}));
        template.batchUpdate("insert into organisation_unit_coverage (unit_id, territory_unit_id) values (?, ?)", coverage);
        List<Object[]> categories = new ArrayList<>();
        unit.categories().forEach(key -> categories.add(new Object[] {id, key}));
        template.batchUpdate("insert into organisation_unit_category (unit_id, category_key) values (?, ?)", categories);
    }

    private static Map<String, Object> columns(HandlingUnit unit) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", unit.name());
        values.put("key", unit.departmentKey());
        values.put("home", unit.homeUnitId());
        values.put("supervisor", unit.supervisorId());
        values.put("phone", unit.phone());
        values.put("active", unit.active());
        values.put("validFrom", Date.valueOf(unit.validFrom()));
        values.put("validTo", unit.validTo() == null ? null : Date.valueOf(unit.validTo()));
        values.put("now", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
        return values;
    }
}
