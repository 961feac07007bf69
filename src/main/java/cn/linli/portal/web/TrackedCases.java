package cn.linli.portal.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

/**
 * The cases a resident proved theirs in this browser session (number and phone digits), by number. Kept in the
 * session only: closing the browser or the session's end forgets them.
 */
final class TrackedCases {

    private static final String ATTRIBUTE = "portal.tracked";

    private TrackedCases() {
    }

    static void grant(HttpSession session, String number, long caseId) {
        Map<String, Long> granted = granted(session);
        granted.put(number, caseId);
        session.setAttribute(ATTRIBUTE, granted);
    }

    static Optional<Long> caseOf(HttpSession session, String number) {
        return session == null ? Optional.empty() : Optional.ofNullable(granted(session).get(number));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> granted(HttpSession session) {
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof Map<?, ?> map ? new HashMap<>((Map<String, Long>) map) : new HashMap<>();
    }
}
