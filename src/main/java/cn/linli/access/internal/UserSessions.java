package cn.linli.access.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's sessions on every instance (Spring Session JDBC keeps them in {@code cluster_session}, indexed by the
 * principal's name), so that a disabled account, a reset password or second factor, or changed roles take effect at
 * once instead of at the next login.
 */
@Component
public class UserSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    UserSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    /** @return how many sessions were ended */
    public int end(String username) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0;
        }
        var found = repository.findByPrincipalName(UserAccounts.normalize(username)).keySet();
        found.forEach(repository::deleteById);
        return found.size();
    }
}
