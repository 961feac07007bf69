package cn.linli.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.linli.access.Role;

/**
 * The account list's read model: one page of accounts matching a text (username or name) and a role, each with its
 * roles, units, login lock, second factor, password age and last login. Three queries per page whatever its size.
 */
@Repository
public class AccountListing {

    private final JdbcClient jdbc;

    AccountListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account as listed; {@code lockedUntil} is set only while a lock from failed logins is in force. */
    public record Listed(long id, String username, String displayName, boolean enabled, boolean mustChangePassword,
            Instant passwordSetAt, Instant lastLoginAt, Instant lockedUntil, boolean secondFactor, Set<Role> roles,
            List<Long> unitIds) {
    }

    public long count(String text, Role role) {
        Filter filter = Filter.of(text, role);
        return jdbc.sql("select count(*) from access_user u" + filter.where).params(filter.parameters)
                .query(Long.class).single();
    }

    public List<Listed> page(String text, Role role, int page, int size, Instant now) {
        return listed(Filter.of(text, role), page, size, now);
    }

    /** The account with exactly this (normalized) username. */
    public java.util.Optional<Listed> one(String username, Instant now) {
        return listed(new Filter(" where u.username = :username", Map.of("username", username)), 0, 1, now).stream()
                .findFirst();
    }

    private List<Listed> listed(Filter filter, int page, int size, Instant now) {
        record Row(long id, String username, String displayName, boolean enabled, boolean mustChange, Instant passwordSetAt,
                Instant lastLogin, Instant lockedUntil, boolean secondFactor) {
        }
        List<Row> rows = jdbc.sql("""
                select u.id, u.username, u.display_name, u.enabled, u.must_change_password,
                       coalesce(u.password_changed_at, u.created_at) as password_set_at, u.last_login_at,
                       (select max(t.locked_until) from access_login_throttle t
                         where t.throttle_key = 'user:' || u.username and t.locked_until > :now) as locked_until,
                       (select count(*) from access_user_totp f where f.user_id = u.id and f.confirmed_at is not null) as totp
                  from access_user u""" + filter.where + " order by u.username limit :limit offset :offset")
                .params(filter.parameters)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), instant(rs, "password_set_at"),
                        instant(rs, "last_login_at"), instant(rs, "locked_until"), rs.getLong("totp") > 0))
                .list();
        if (rows.isEmpty()) return List.of();
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, Set<Role>> roles = new HashMap<>();
        jdbc.sql("select user_id, role from access_user_role where user_id in (:ids)").param("ids", ids)
                .query((rs, n) -> roles.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(Role.valueOf(rs.getString(2))))
                .list();
        Map<Long, List<Long>> units = new HashMap<>();
        jdbc.sql("select user_id, unit_id from access_user_unit where user_id in (:ids) order by unit_id").param("ids", ids)
                .query((rs, n) -> units.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        return rows.stream().map(r -> new Listed(r.id(), r.username(), r.displayName(), r.enabled(), r.mustChange(),
                r.passwordSetAt(), r.lastLogin(), r.lockedUntil(), r.secondFactor(), roles.getOrDefault(r.id(), Set.of()),
                units.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Filter(String where, Map<String, Object> parameters) {

        static Filter of(String text, Role role) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> parameters = new HashMap<>();
            String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            if (!q.isEmpty()) {
                conditions.add("(u.username like :q escape '!' or lower(u.display_name) like :q escape '!')");
                parameters.put("q", "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
            if (role != null) {
                conditions.add("exists (select 1 from access_user_role r where r.user_id = u.id and r.role = :role)");
                parameters.put("role", role.name());
            }
            return new Filter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
        }
    }
}
