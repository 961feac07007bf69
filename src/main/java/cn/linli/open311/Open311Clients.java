package cn.linli.open311;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.linli.access.Actor;
import cn.linli.access.Role;
import cn.linli.open311.internal.ClientStore;
import cn.linli.shared.Sha256;
import cn.linli.web.RejectedInputException;

/**
 * The client applications that may file requests through Open311, each with its API key. City administrators issue
 * keys (the key is shown once; only its SHA-256 hash is kept) and revoke them. Every write counts against its key's
 * limit per minute, counted in the database so that the limit holds whichever instance answers.
 */
@Service
public class Open311Clients {

    /** A new key: shown to the administrator once, never stored. */
    public record IssuedKey(Open311Client client, String key) {
    }

    private static final String KEY_START = "l311_";
    private final SecureRandom random = new SecureRandom();
    private final ClientStore store;
    private final Clock clock;

    Open311Clients(ClientStore store, Clock clock) {
        this.clock = clock;
        this.store = store;
    }

    @Transactional
    public IssuedKey issue(Actor actor, String name, Integer perMinute) {
        requireAdministrator(actor);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new RejectedInputException("name", "open311.rejected.client-name");
        }
        if (perMinute == null || perMinute < 1 || perMinute > 100_000) {
            throw new RejectedInputException("perMinute", "open311.rejected.per-minute");
        }
        if (store.nameTaken(clean)) {
            throw new RejectedInputException("name", "open311.rejected.client-name-taken", clean);
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String key = KEY_START + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = store.insert(clean, Sha256.hex(key), key.substring(0, 12), perMinute, actor.username());
        return new IssuedKey(store.find(id).orElseThrow(), key);
    }

    @Transactional
    public void revoke(Actor actor, long clientId) {
        requireAdministrator(actor);
        if (store.find(clientId).isEmpty()) {
            throw new RejectedInputException("client", "open311.rejected.client-unknown", clientId);
        }
        store.revoke(clientId, actor.username());
    }

    public List<Open311Client> clients() {
        return store.all();
    }

    /** The client a key belongs to, unless the key is unknown or revoked. */
    public Optional<Open311Client> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 100) {
            return Optional.empty();
        }
        return store.byKeyHash(Sha256.hex(apiKey.strip())).filter(client -> !client.revoked());
    }

    /**
     * Counts a write of the client; false when the client has used up its allowance for the last 60 seconds. Counters
     * are kept per calendar minute; a fixed minute alone would let a client send twice its allowance across the turn
     * of a minute, so the previous minute's writes count in the share of it that the last 60 seconds still cover.
     */
    @Transactional
    public boolean allowWrite(Open311Client client) {
        Instant now = clock.instant();
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        int count = store.countWrite(client.id(), minute);
        if (count == 1) {
            // the first write of a client's minute clears the counters of an hour ago and before
            store.forgetWindows(minute.minus(1, ChronoUnit.HOURS));
        }
        double previousShare = 1 - Duration.between(minute, now).toMillis() / 60_000.0;
        double lastSixtySeconds = count + store.writesIn(client.id(), minute.minus(1, ChronoUnit.MINUTES)) * previousShare;
        return lastSixtySeconds <= client.perMinute();
    }

    public static boolean mayManage(Actor actor) {
        return actor != null && actor.hasRole(Role.CITY_ADMIN);
    }

    private static void requireAdministrator(Actor actor) {
        if (!mayManage(actor)) {
            throw new AccessDeniedException("Open311 keys are managed by city administrators");
        }
    }
}
