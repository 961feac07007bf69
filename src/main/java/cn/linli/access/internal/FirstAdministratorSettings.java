package cn.linli.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator of a production installation, from {@code LINLI_ADMIN_USERNAME} and
 * {@code LINLI_ADMIN_PASSWORD} (mapped in application.yml). The password is only a start: it must be changed at the
 * first login.
 */
@ConfigurationProperties("linli.access.first-admin")
record FirstAdministratorSettings(@DefaultValue("admin") String username, String password,
        @DefaultValue("管理员") String displayName) {

    @Override
    public String toString() {
        return "FirstAdministratorSettings[username=" + username + ", displayName=" + displayName + "]";
    }
}
