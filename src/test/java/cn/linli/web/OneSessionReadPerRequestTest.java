package cn.linli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Spring Session's own filter around the throttled store: an answer that commits its response early (as every JSON
 * answer does) makes Spring Session commit the session twice; the store is read once per request all the same, and
 * the next request reads it afresh.
 */
class OneSessionReadPerRequestTest {

    final CountingStore store = new CountingStore();
    final AccessTimeThrottledSessions<MapSession> sessions = new AccessTimeThrottledSessions<>(store);
    final String sessionId = signedIn();

    @Test
    void aRequestWhoseAnswerIsFlushedReadsTheSessionOnce() throws Exception {
        assertThat(serve(new AccessTimeThrottledSessions.OneReadPerRequest())).isEqualTo("desk");
        assertThat(store.reads).isEqualTo(1);

        store.stored.get(sessionId).setAttribute("user", "changed elsewhere");
        assertThat(serve(new AccessTimeThrottledSessions.OneReadPerRequest())).as("the next request reads the store")
                .isEqualTo("changed elsewhere");
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void withoutTheRequestsSpanSpringSessionReadsItTwice() throws Exception {
        serve(null);
        assertThat(store.reads).as("why OneReadPerRequest exists").isEqualTo(2);
    }

    private String signedIn() {
        MapSession session = store.createSession();
        session.setAttribute("user", "desk");
        store.save(session);
        return session.getId();
    }

    /** One request with the session's cookie; the servlet reads an attribute and flushes its answer. */
    private String serve(Filter outer) throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/casework/cases");
        request.setCookies(new Cookie("SESSION", Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8))));
        var response = new MockHttpServletResponse();
        HttpServlet answer = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                resp.getWriter().write(String.valueOf(req.getSession(false).getAttribute("user")));
                resp.flushBuffer();
            }
        };
        Filter sessionFilter = new SessionRepositoryFilter<>(sessions);
        MockFilterChain chain = outer == null ? new MockFilterChain(answer, sessionFilter) : new MockFilterChain(answer, outer, sessionFilter);
        chain.doFilter(request, response);
        return response.getContentAsString();
    }

    /** Sessions in memory, counting the look-ups by id (what costs a query and a deserialization in the database). */
    static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, MapSession> stored = new ConcurrentHashMap<>();
        int reads;

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            stored.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            reads++;
            MapSession found = stored.get(id);
            return found == null ? null : new MapSession(found);
        }

        @Override
        public void deleteById(String id) {
            stored.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
