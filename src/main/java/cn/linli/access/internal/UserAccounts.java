package cn.linli.access.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.linli.access.Role;

/** The user accounts in {@code access_user} with their roles and units. */
@Repository
public class UserAccounts {

    private final JdbcClient jdbc;

    public UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Usernames are stored in lower case; whatever case is typed at login finds the account. */
    public static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<StoredUser> findByUsername(String username) {
        return jdbc.sql("""
                select id, username, display_name, password_hash, must_change_password, enabled,
                       coalesce(password_changed_at, created_at) as password_set_at
                  from access_user where username = :username""")
                .param("username", normalize(username))
                .query((rs, row) -> new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getString("password_hash"), rs.getBoolean("must_change_password"), rs.getBoolean("enabled"),
                        rs.getObject("password_set_at", OffsetDateTime.class).toInstant()))
                .optional()
                .map(this::withRolesAndUnits);
    }

    public long count() {
        return jdbc.sql("select count(*) from access_user").query(Long.class).single();
    }

    /** Inserts the account with its roles and units in one transaction; fails on a username that exists. */
    @Transactional
    public long insert(String username, String displayName, String passwordHash, boolean mustChangePassword,
            Set<Role> roles, Set<Long> unitIds, Instant createdAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into access_user (username, display_name, password_hash, must_change_password, enabled, created_at)
                values (:username, :displayName, :hash, :mustChange, true, :createdAt)""")
                .param("username", normalize(username))
                .param("displayName", displayName)
                .param("hash", passwordHash)
                .param("mustChange", mustChangePassword)
                .param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        roles.forEach(role -> jdbc.sql("insert into access_user_role (user_id, role) values (?, ?)")
                .params(id, role.name()).update());
        unitIds.forEach(unit -> jdbc.sql("insert into access_user_unit (user_id, unit_id) values (?, ?)")
                .params(id, unit).update());
        return id;
    }

    /**
     * Sets a new password the user chose, keeps the replaced one's hash in the history and forgets history beyond
     * the {@code keep} most recent.
     */
    @Transactional
    public void changePassword(long userId, String replacedHash, String newHash, int keep, Instant at) {
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.sql("update access_user set password_hash = ?, must_change_password = false, password_changed_at = ? where id = ?")
                .params(newHash, now, userId).update();
        jdbc.sql("insert into access_password_history (user_id, password_hash, replaced_at) values (?, ?, ?)")
                .params(userId, replacedHash, now).update();
        List<Long> kept = jdbc.sql("select id from access_password_history where user_id = ? order by id desc limit ?")
                .params(userId, Math.max(keep, 0)).query(Long.class).list();
        if (kept.isEmpty()) {
            jdbc.sql("delete from access_password_history where user_id = ?").param(userId).update();
        } else {
            jdbc.sql("delete from access_password_history where user_id = :user and id not in (:kept)")
                    .param("user", userId).param("kept", kept).update();
        }
    }

    /** The hashes of the user's current password and of the {@code earlier} passwords it replaced, newest first. */
    public List<String> replacedPasswordHashes(long userId, int earlier) {
        List<String> hashes = new ArrayList<>();
        jdbc.sql("select password_hash from access_user where id = ?").param(userId).query(String.class).optional()
                .ifPresent(hashes::add);
        if (earlier > 0) {
            hashes.addAll(jdbc.sql("select password_hash from access_password_history where user_id = ? order by id desc limit ?")
                    .params(userId, earlier).query(String.class).list());
        }
        return hashes;
    }

    /** Replaces the user's roles (the database refuses two administrator roles on one account). */
    @Transactional
    public void replaceRoles(long userId, Set<Role> roles) {
        jdbc.sql("delete from access_user_role where user_id = ?").param(userId).update();
        roles.forEach(role -> jdbc.sql("insert into access_user_role (user_id, role) values (?, ?)")
                .params(userId, role.name()).update());
    }

    /** Forgets the username's failed logins and lock (the address keeps its count): the security administrator's unlock. */
    public boolean unlock(String username) {
        return jdbc.sql("delete from access_login_throttle where throttle_key = ?")
                .param(LoginThrottle.userKey(normalize(username))).update() > 0;
    }

    /** Enables or disables the account; a disabled account cannot log in. Whether the row changed. */
    public boolean setEnabled(long userId, boolean enabled) {
        return jdbc.sql("update access_user set enabled = ? where id = ? and enabled <> ?")
                .params(enabled, userId, enabled).update() > 0;
    }

    /**
     * Sets a password someone else handed over (a security administrator's reset): the user must change it at their
     * next login. The replaced password goes into the history like any other.
     */
    @Transactional
    public void resetPassword(long userId, String replacedHash, String newHash, Instant at) {
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.sql("update access_user set password_hash = ?, must_change_password = true, password_changed_at = ? where id = ?")
                .params(newHash, now, userId).update();
        jdbc.sql("insert into access_password_history (user_id, password_hash, replaced_at) values (?, ?, ?)")
                .params(userId, replacedHash, now).update();
    }

    private StoredUser withRolesAndUnits(Account account) {
        Set<Role> roles = new HashSet<>();
        jdbc.sql("select role from access_user_role where user_id = ?").param(account.id()).query(String.class).list()
                .forEach(name -> roles.add(Role.valueOf(name)));
        Set<Long> units = new HashSet<>(jdbc.sql("select unit_id from access_user_unit where user_id = ?")
                .param(account.id()).query(Long.class).list());
        return new StoredUser(account.id(), account.username(), account.displayName(), account.passwordHash(),
                account.mustChangePassword(), account.enabled(), roles, units, account.passwordSetAt());
    }

    private record Account(long id, String username, String displayName, String passwordHash, boolean mustChangePassword,
            boolean enabled, Instant passwordSetAt) {
    }
}
