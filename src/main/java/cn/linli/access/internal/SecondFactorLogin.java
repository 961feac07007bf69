package cn.linli.access.internal;

import static cn.linli.access.AuditActions.LOGIN_CODE_FAILED;
import static cn.linli.access.AuditActions.LOGIN_LOCKED;
import static cn.linli.access.AuditActions.LOGIN_REFUSED;
import static cn.linli.access.AuditActions.LOGIN_SUCCEEDED;
import static cn.linli.access.AuditActions.SECOND_FACTOR_ENROLLED;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.linli.access.AuditLog;

/**
 * The second step of an administrator's login and the enrolment of their authenticator: codes are checked under the
 * same lock as passwords (a locked username or address is refused unchecked, every wrong code is a failure), and
 * every outcome is audited.
 */
@Component
public class SecondFactorLogin {

    private final SecondFactors factors;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    SecondFactorLogin(SecondFactors factors, LoginThrottle throttle, AuditLog audit) {
        this.factors = factors;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * Checks the code of a user whose password was right.
     *
     * @return empty when the code is accepted; else the minutes of the lock now in force (0: wrong, but no lock yet)
     */
    public Optional<Long> submit(SignedInUser user, String code, String address) {
        String username = user.getUsername();
        Optional<Duration> lock = throttle.remainingLock(username, address);
        if (lock.isPresent()) {
            audit.recordAs(AuditLog.ANONYMOUS, LOGIN_REFUSED, username, "address=" + address + " locked");
            return Optional.of(ThrottledAuthenticationProvider.wholeMinutes(lock.get()));
        }
        if (factors.accept(user.actor().userId(), code)) {
            throttle.recordSuccess(username);
            throttle.recordLogin(username);
            audit.recordAs(username, LOGIN_SUCCEEDED, username, "address=" + address + " second factor=TOTP");
            return Optional.empty();
        }
        Optional<Duration> newLock = throttle.recordFailure(username, address);
        audit.recordAs(AuditLog.ANONYMOUS, LOGIN_CODE_FAILED, username, "address=" + address);
        if (newLock.isEmpty()) {
            return Optional.of(0L);
        }
        long minutes = ThrottledAuthenticationProvider.wholeMinutes(newLock.get());
        audit.recordAs(AuditLog.SYSTEM, LOGIN_LOCKED, username, "address=" + address + " minutes=" + minutes);
        return Optional.of(minutes);
    }

    /** Stores the new secret if the first code made with it is right. */
    public boolean enrol(SignedInUser user, String secret, String code) {
        boolean confirmed = factors.confirm(user.actor().userId(), secret, code);
        if (confirmed) {
            audit.recordAs(user.getUsername(), SECOND_FACTOR_ENROLLED, user.getUsername(), "TOTP");
        }
        return confirmed;
    }

    public SecondFactors.Enrolment newEnrolment(SignedInUser user) {
        return factors.newEnrolment(user.getUsername());
    }

    public boolean enrolled(SignedInUser user) {
        return factors.enrolled(user.actor().userId());
    }
}
