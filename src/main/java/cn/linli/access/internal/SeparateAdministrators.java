package cn.linli.access.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import cn.linli.access.AccessManagement;
import cn.linli.access.InvalidUserException;
import cn.linli.access.NewUser;
import cn.linli.access.Role;

/**
 * The three administrators of 三员分立 in production mode: for each of {@code LINLI_SYSADMIN_PASSWORD},
 * {@code LINLI_SECADMIN_PASSWORD} and {@code LINLI_AUDITOR_PASSWORD} that is set, the account {@code sysadmin},
 * {@code secadmin} or {@code auditor} is created at start if it does not exist yet, with that password to be changed
 * at the first login. Without these variables nothing happens (accounts may be made otherwise).
 */
@Component
@ConditionalOnProperty(name = "linli.demo.enabled", havingValue = "false")
class SeparateAdministrators implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SeparateAdministrators.class);

    private final AccessManagement access;
    private final Settings settings;

    SeparateAdministrators(AccessManagement access, Settings settings) {
        this.access = access;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensureExist();
    }

    /** The usernames created now. */
    List<String> ensureExist() {
        List<String> created = new ArrayList<>();
        create("sysadmin", "系统管理员", Role.SYSTEM_ADMIN, settings.systemPassword(), "LINLI_SYSADMIN_PASSWORD", created);
        create("secadmin", "安全管理员", Role.SECURITY_ADMIN, settings.securityPassword(), "LINLI_SECADMIN_PASSWORD", created);
        create("auditor", "审计管理员", Role.AUDIT_ADMIN, settings.auditPassword(), "LINLI_AUDITOR_PASSWORD", created);
        return created;
    }

    private void create(String username, String displayName, Role role, String password, String variable, List<String> created) {
        if (password == null || password.isBlank() || access.exists(username)) {
            return;
        }
        try {
            access.createUser(new NewUser(username, displayName, password, Set.of(role), Set.of(), true));
        } catch (InvalidUserException rejected) {
            throw new IllegalStateException("The " + displayName + " cannot be created: " + variable + " is not accepted: "
                    + rejected.getMessage(), rejected);
        }
        created.add(username);
        log.info("Created the administrator '{}' ({}); the password must be changed at the first login.", username, role);
    }

    /** {@code linli.access.separate-administrators}: the first passwords of the three administrators. */
    @ConfigurationProperties("linli.access.separate-administrators")
    record Settings(String systemPassword, String securityPassword, String auditPassword) {

        @Override
        public String toString() {
            return "SeparateAdministrators.Settings[passwords hidden]";
        }
    }
}
