package cn.linli.replica;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the streaming replica is and how it is used. The user and password default to the primary's, since a
 * physical replica has the primary's roles anyway.
 *
 * @param url                 JDBC URL of the replica; unset (the default) means no replica and one pool
 * @param username            user on the replica; empty: the primary's
 * @param password            password on the replica; empty: the primary's
 * @param maximumPoolSize     connections the replica pool keeps at most
 * @param connectionTimeout   how long a read waits for a replica connection before it falls back to the primary
 * @param primaryAfterWrite   how long after a client's write its reads stay on the primary (longer than the
 *                            replica's usual lag, so a user sees their own write at once)
 * @param retryAfter          after the replica failed to give a connection, how long reads go to the primary
 *                            before the replica is tried again
 */
@ConfigurationProperties("linli.datasource.replica")
record ReplicaSettings(String url, String username, String password, Integer maximumPoolSize,
        Duration connectionTimeout, Duration primaryAfterWrite, Duration retryAfter) {

    ReplicaSettings {
        if (maximumPoolSize == null) maximumPoolSize = 10;
        if (connectionTimeout == null) connectionTimeout = Duration.ofSeconds(2);
        if (primaryAfterWrite == null) primaryAfterWrite = Duration.ofSeconds(10);
        if (retryAfter == null) retryAfter = Duration.ofSeconds(10);
    }
}
