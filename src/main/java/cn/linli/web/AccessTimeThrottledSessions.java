package cn.linli.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The shared session store (decision 0013), minus one database write per request. Spring Session marks a session
 * changed whenever a request touches it, only to store the new last-access time, so every page view and API call
 * committed an update of {@code cluster_session} besides its own work. Here the access time is passed on only when
 * the stored one is at least {@link #STEP} old: a session may then expire up to one step early (a minute of an
 * eight-hour timeout), and every other change (sign-in, attributes, a new id) is written as before.
 * <p>
 * It also reads a session once per request, not twice: Spring Session commits the session when the response is
 * committed (every JSON answer flushes) and again when its filter ends, and the first commit forgets the session it
 * read, so the second read it again from the database, deserialized, on a pooled connection of its own. Within a
 * request ({@link OneReadPerRequest}) the session the first commit saved answers the second one's look-up.
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
        SavedInThisRequest saved = SAVED_IN_THIS_REQUEST.get();
        if (saved != null) saved.session = session;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Throttled<S> findById(String id) {
        SavedInThisRequest saved = SAVED_IN_THIS_REQUEST.get();
        if (saved != null && saved.session != null && saved.session.getId().equals(id)) {
            return (Throttled<S>) saved.session;
        }
        S found = SessionTransactions.reading(() -> store.findById(id));
        return found == null ? null : new Throttled<>(found);
    }

    /** What this request's thread saved, while {@link OneReadPerRequest} runs around Spring Session's filter. */
    private static final ThreadLocal<SavedInThisRequest> SAVED_IN_THIS_REQUEST = new ThreadLocal<>();

    private static final class SavedInThisRequest {
        private Throttled<?> session;
    }

    /**
     * Marks the span of one request around Spring Session's filter, so that a session saved in it is not read again
     * in it, and never outlives it: the next request on this thread reads the store afresh.
     */
    static final class OneReadPerRequest extends OncePerRequestFilter {

        /** Just outside Spring Session's filter. */
        static final int ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 1;

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // once per request (forwards and includes run inside it), so there is never an outer span to restore
            SAVED_IN_THIS_REQUEST.set(new SavedInThisRequest());
            try {
                chain.doFilter(request, response);
            } finally {
                SAVED_IN_THIS_REQUEST.remove();
            }
        }
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
