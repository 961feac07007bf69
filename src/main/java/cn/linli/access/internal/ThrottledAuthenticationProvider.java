package cn.linli.access.internal;

import static cn.linli.access.AuditActions.LOGIN_CODE_REQUESTED;
import static cn.linli.access.AuditActions.LOGIN_FAILED;
import static cn.linli.access.AuditActions.LOGIN_LOCKED;
import static cn.linli.access.AuditActions.LOGIN_REFUSED;
import static cn.linli.access.AuditActions.LOGIN_SUCCEEDED;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import cn.linli.access.AuditLog;

/**
 * Password login with its protection: refuses attempts for a locked username or address without checking the
 * password, counts failures, clears a username's count on success, and audits every attempt.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwordCheck;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    ThrottledAuthenticationProvider(AuthenticationProvider passwordCheck, LoginThrottle throttle, AuditLog audit) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = UserAccounts.normalize(attempt.getName());
        String address = addressOf(attempt);
        Optional<Duration> lock = throttle.remainingLock(username, address);
        if (lock.isPresent()) {
            audit.recordAs(AuditLog.ANONYMOUS, LOGIN_REFUSED, username, "address=" + address + " locked");
            throw new LoginThrottledException(wholeMinutes(lock.get()));
        }
        Authentication result;
        try {
            result = passwordCheck.authenticate(attempt);
        } catch (AuthenticationException failure) {
            throw refused(username, address, failure);
        }
        if (result.getPrincipal() instanceof SignedInUser user && user.codePending()) {
            // the failure count stays until the code is right too, so guessing codes meets the same lock
            audit.recordAs(username, LOGIN_CODE_REQUESTED, username, "address=" + address);
            return result;
        }
        throttle.recordSuccess(username);
        throttle.recordLogin(username);
        audit.recordAs(username, LOGIN_SUCCEEDED, username, "address=" + address);
        return result;
    }

    private AuthenticationException refused(String username, String address, AuthenticationException failure) {
        Optional<Duration> newLock = throttle.recordFailure(username, address);
        audit.recordAs(AuditLog.ANONYMOUS, LOGIN_FAILED, username,
                "address=" + address + " reason=" + failure.getClass().getSimpleName());
        if (newLock.isEmpty()) {
            return failure;
        }
        long minutes = wholeMinutes(newLock.get());
        audit.recordAs(AuditLog.SYSTEM, LOGIN_LOCKED, username, "address=" + address + " minutes=" + minutes);
        return new LoginThrottledException(minutes);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }

    /** Rounded up, so "try again in 1 minute" is never said 30 seconds too early. */
    static long wholeMinutes(Duration duration) {
        long minutes = duration.toMinutes();
        return Math.max(1, duration.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1);
    }
}
