package cn.linli.access.internal;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.linli.access.AccessManagement;
import cn.linli.access.InvalidUserException;
import cn.linli.access.NewUser;
import cn.linli.access.Role;

/**
 * In production mode a new installation has no built-in login (a well-known default password is the first thing an
 * attacker tries). When no user exists, the operator names the first administrator through the environment; without
 * a password, start-up fails and says what to set. Runs after the database is migrated and before the web server
 * accepts requests, so the application never serves a single request without an administrator.
 */
@Component
@ConditionalOnProperty(name = "linli.demo.enabled", havingValue = "false")
class FirstAdministrator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccessManagement access;
    private final FirstAdministratorSettings settings;

    FirstAdministrator(AccessManagement access, FirstAdministratorSettings settings) {
        this.access = access;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensureExists();
    }

    void ensureExists() {
        if (access.userCount() > 0) {
            return;
        }
        if (settings.password() == null || settings.password().isBlank()) {
            throw new FirstAdministratorPasswordMissingException();
        }
        NewUser administrator;
        try {
            administrator = new NewUser(settings.username(), settings.displayName(), settings.password(),
                    Set.of(Role.CITY_ADMIN), Set.of(), true);
        } catch (InvalidUserException rejected) {
            String variable = "password".equals(rejected.field()) ? "LINLI_ADMIN_PASSWORD" : "LINLI_ADMIN_USERNAME";
            throw new IllegalStateException("The first administrator cannot be created: " + variable + " is not accepted: "
                    + rejected.getMessage(), rejected);
        }
        access.createUser(administrator);
        log.info("Created the first administrator '{}'; the password must be changed at the first login.",
                administrator.username());
    }
}
