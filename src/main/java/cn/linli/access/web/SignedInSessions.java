package cn.linli.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import cn.linli.access.internal.SignedInUser;

/**
 * Puts a changed principal (a login step done) into the session, under a new session id: each step of a login marks
 * new credentials, and a session id seen before the step is worth nothing after it.
 */
final class SignedInSessions {

    private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private SignedInSessions() {
    }

    static void replace(SignedInUser changed, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        SESSIONS.saveContext(context, request, response);
    }
}
