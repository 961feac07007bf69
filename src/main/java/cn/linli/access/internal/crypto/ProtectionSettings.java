package cn.linli.access.internal.crypto;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import cn.linli.access.Permission;
import cn.linli.access.Role;

/**
 * {@code linli.protection}: the algorithm suite, the master keys by version (Base64, at least 32 bytes, e.g. from
 * {@code LINLI_PROTECTION_KEYS_1}), the version new values are encrypted with, the version the blind-index key comes
 * from, and which roles may unmask identifiers or read sensitive information. Grid workers are left out by default:
 * they see residents every day and need masked identifiers only; a city that wants otherwise adds them here.
 */
@ConfigurationProperties("linli.protection")
public record ProtectionSettings(@DefaultValue("AES-GCM") String algorithm, @DefaultValue("1") int currentVersion,
        @DefaultValue("1") int blindIndexVersion, Map<Integer, String> keys,
        @DefaultValue({"CITY_ADMIN", "DISTRICT_STAFF", "STREET_STAFF", "COMMUNITY_STAFF"}) Set<Role> unmaskRoles,
        @DefaultValue({"CITY_ADMIN", "DISTRICT_STAFF", "STREET_STAFF", "COMMUNITY_STAFF"}) Set<Role> sensitiveReadRoles) {

    public ProtectionSettings {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        unmaskRoles = Set.copyOf(unmaskRoles == null ? Set.of() : unmaskRoles);
        sensitiveReadRoles = Set.copyOf(sensitiveReadRoles == null ? Set.of() : sensitiveReadRoles);
    }

    /** The roles that hold a permission: the one place that decides it. */
    public Set<Role> rolesWith(Permission permission) {
        return switch (permission) {
            case UNMASK -> unmaskRoles;
            case READ_SENSITIVE -> sensitiveReadRoles;
        };
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "ProtectionSettings[algorithm=" + algorithm + ", currentVersion=" + currentVersion + ", blindIndexVersion="
                + blindIndexVersion + ", keyVersions=" + keys.keySet() + ", unmaskRoles=" + unmaskRoles
                + ", sensitiveReadRoles=" + sensitiveReadRoles + "]";
    }
}
