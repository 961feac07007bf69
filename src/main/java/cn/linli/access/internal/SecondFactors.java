package cn.linli.access.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.access.PersonalDataProtection;
import cn.linli.access.PersonalField;
import cn.linli.access.ProtectedValue;
import cn.linli.access.Role;
import cn.linli.access.internal.totp.Base32;
import cn.linli.access.internal.totp.Totp;

/**
 * The administrators' second factor: a TOTP secret per user in {@code access_user_totp}, encrypted like personal
 * data. Every accepted code moves the user's last accepted step forward in one conditional update, so a code is
 * accepted once only, even when two instances see it at the same moment.
 */
@Component
public class SecondFactors {

    static final PersonalField SECRET = new PersonalField("access.user_totp.secret");
    static final String ISSUER = "Linli";

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;
    private final Clock clock = Clock.systemUTC();

    SecondFactors(JdbcClient jdbc, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /** Whether the roles call for a second factor (the three administrators and the city administrator). */
    public static boolean required(java.util.Set<Role> roles) {
        return roles.stream().anyMatch(Role.SECOND_FACTOR::contains);
    }

    public boolean enrolled(long userId) {
        return jdbc.sql("select count(*) from access_user_totp where user_id = ? and confirmed_at is not null")
                .param(userId).query(Long.class).single() > 0;
    }

    /** A new secret to show on the enrolment page (kept in the session until a first code confirms it). */
    public Enrolment newEnrolment(String username) {
        String secret = Base32.encode(Totp.newSecret());
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new Enrolment(secret, uri);
    }

    /**
     * Stores the secret once the first code made with it is right; replaces an earlier secret of the user.
     *
     * @return false when the code does not match (nothing is stored)
     */
    public boolean confirm(long userId, String secret, String code) {
        OptionalLong step = Totp.matchingStep(Base32.decode(secret), code, clock.instant());
        if (step.isEmpty()) {
            return false;
        }
        String stored = protection.protect(SECRET, secret).storedText();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("delete from access_user_totp where user_id = ?").param(userId).update();
        jdbc.sql("insert into access_user_totp (user_id, secret, confirmed_at, last_step) values (?, ?, ?, ?)")
                .params(userId, stored, now, step.getAsLong()).update();
        return true;
    }

    /** Whether the code is right and was not accepted before; an accepted code is used up. */
    public boolean accept(long userId, String code) {
        Optional<String> stored = jdbc.sql("select secret from access_user_totp where user_id = ? and confirmed_at is not null")
                .param(userId).query(String.class).optional();
        if (stored.isEmpty()) {
            return false;
        }
        String secret = protection.reveal(SECRET, ProtectedValue.ofStoredText(stored.get(), "unused"));
        OptionalLong step = Totp.matchingStep(Base32.decode(secret), code, clock.instant());
        if (step.isEmpty()) {
            return false;
        }
        return jdbc.sql("update access_user_totp set last_step = :step where user_id = :user"
                        + " and (last_step is null or last_step < :step)")
                .param("step", step.getAsLong()).param("user", userId).update() == 1;
    }

    /** Forgets the user's second factor (a lost phone): they enrol again at their next login. */
    public void remove(long userId) {
        jdbc.sql("delete from access_user_totp where user_id = ?").param(userId).update();
    }

    Instant now() {
        return clock.instant();
    }

    /** What the enrolment page shows: the secret to type in, and the URI a QR code would carry. */
    public record Enrolment(String secret, String uri) implements java.io.Serializable {
    }
}
