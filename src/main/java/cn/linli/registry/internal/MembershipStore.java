package cn.linli.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.linli.registry.MembershipKind;
import cn.linli.registry.Relation;

/**
 * Memberships of residents in households (registry_membership). Rows are never deleted and only ever closed, so
 * the history of a household can be read as of any date.
 */
@Repository
public class MembershipStore {

    private final JdbcClient jdbc;

    MembershipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long open(long residentId, long householdId, MembershipKind kind, Relation relation, LocalDate from) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into registry_membership (resident_id, household_id, kind, relation, valid_from)
                values (?, ?, ?, ?, ?)""")
                .params(residentId, householdId, kind.name(), relation.name(), from).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void close(long membershipId, LocalDate on) {
        jdbc.sql("update registry_membership set valid_to = ? where id = ? and valid_to is null").params(on, membershipId).update();
    }

    /** A correction of the relation to the head: the membership was always of this relation, so history is rewritten. */
    public void setRelation(long membershipId, Relation relation) {
        jdbc.sql("update registry_membership set relation = ? where id = ?").params(relation.name(), membershipId).update();
    }

    public List<Rows.Membership> ofResident(long residentId) {
        return jdbc.sql("select * from registry_membership where resident_id = ? order by valid_from, id")
                .param(residentId).query(MembershipStore::row).list();
    }

    public List<Rows.Membership> ofHousehold(long householdId) {
        return jdbc.sql("select * from registry_membership where household_id = ? order by valid_from, id")
                .param(householdId).query(MembershipStore::row).list();
    }

    static Rows.Membership row(ResultSet rs, int n) throws SQLException {
        return new Rows.Membership(rs.getLong("id"), rs.getLong("resident_id"), rs.getLong("household_id"),
                MembershipKind.valueOf(rs.getString("kind")), Relation.valueOf(rs.getString("relation")),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
    }
}
