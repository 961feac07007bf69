package cn.linli.organisation;

/** A user (an access user id) working for a handling unit in a role. */
public record Membership(long userId, long unitId, MemberRole role) {

    public Membership {
        if (role == null) throw new OrganisationException("role", "organisation.error.role-missing");
    }
}
