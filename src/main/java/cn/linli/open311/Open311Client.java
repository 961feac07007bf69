package cn.linli.open311;

import java.time.Instant;

/** A client application with an API key; the key itself is never stored, only its first characters for recognition. */
public record Open311Client(long id, String name, String keyPrefix, int perMinute, String createdBy, Instant createdAt,
        String revokedBy, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
