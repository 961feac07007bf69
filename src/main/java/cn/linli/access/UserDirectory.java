package cn.linli.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.linli.access.internal.UserAccounts;

/**
 * Read-only look-ups of enabled users for other modules: by id, by username, and who serves a unit (e.g. the grid
 * workers of a grid, whose jurisdiction lists the grid). Disabled accounts are left out, since they act for nobody.
 */
@Service
public class UserDirectory {

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserSummary> find(long userId) {
        return users("u.id = :key", userId).stream().findFirst();
    }

    public Optional<UserSummary> findByUsername(String username) {
        return users("u.username = :key", UserAccounts.normalize(username)).stream().findFirst();
    }

    /** The users whose jurisdiction lists this unit itself (not a unit above it), ordered by username. */
    public List<UserSummary> serving(long unitId) {
        return users("u.id in (select user_id from access_user_unit where unit_id = :key)", unitId);
    }

    /** The users serving the unit who hold the role, e.g. the grid workers of a grid. */
    public List<UserSummary> serving(long unitId, Role role) {
        return serving(unitId).stream().filter(user -> user.hasRole(role)).toList();
    }

    private List<UserSummary> users(String condition, Object key) {
        record Row(long id, String username, String displayName) {
        }
        List<Row> rows = jdbc.sql("select u.id, u.username, u.display_name from access_user u where u.enabled = true and "
                        + condition + " order by u.username")
                .param("key", key)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("username"), rs.getString("display_name")))
                .list();
        if (rows.isEmpty()) return List.of();
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, Set<Role>> roles = new HashMap<>();
        jdbc.sql("select user_id, role from access_user_role where user_id in (:ids)").param("ids", ids)
                .query((rs, n) -> roles.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(Role.valueOf(rs.getString(2))))
                .list();
        Map<Long, Set<Long>> units = new HashMap<>();
        jdbc.sql("select user_id, unit_id from access_user_unit where user_id in (:ids)").param("ids", ids)
                .query((rs, n) -> units.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2)))
                .list();
        List<UserSummary> result = new ArrayList<>();
        for (Row row : rows) {
            result.add(new UserSummary(row.id(), row.username(), row.displayName(), roles.getOrDefault(row.id(), Set.of()),
                    units.getOrDefault(row.id(), Set.of())));
        }
        return result;
    }
}
