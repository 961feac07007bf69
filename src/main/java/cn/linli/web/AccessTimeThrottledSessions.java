package cn.linli.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The shared session store (decision 0013), minus one database write per request. Spring Session marks a session
 * changed whenever a request touches it, only to store the new last-access time, so every page view and API call
 * committed an update of {@code cluster_session} besides its own work. Here the access time is passed on only when
 * the stored one is at least {@link #STEP} old: a session may then expire up to one step early (a minute of an
 * eight-hour timeout), and every other change (sign-in, attributes, a new id) is written as before.
 */
final class AccessTimeThrottledSessions<S extends Session>
        implements FindByIndexNameSessionRepository<AccessTimeThrottledSessions.Throttled<S>>, DisposableBean {

    static final Duration STEP = Duration.ofMinutes(1);

    private final FindByIndexNameSessionRepository<S> store;

    AccessTimeThrottledSessions(FindByIndexNameSessionRepository<S> store) {
        this.store = store;
    }

    /** The store's own shutdown (its expired-session cleanup task), which the container now calls through here. */
    @Override
    public void destroy() throws Exception {
        if (store instanceof DisposableBean disposable) disposable.destroy();
    }

    @Override
    public Throttled<S> createSession() {
        return new Throttled<>(store.createSession());
    }

    @Override
    public void save(Throttled<S> session) {
        store.save(session.stored);
    }

    @Override
    public Throttled<S> findById(String id) {
        S found = store.findById(id);
        return found == null ? null : new Throttled<>(found);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    @Override
    public Map<String, Throttled<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Throttled<S>> sessions = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> sessions.put(id, new Throttled<>(session)));
        return sessions;
    }

    /** A stored session whose access time moves only in steps; everything else goes straight through. */
    static final class Throttled<S extends Session> implements Session {

        private final S stored;

        Throttled(S stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(STEP))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
