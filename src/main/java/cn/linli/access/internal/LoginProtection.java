package cn.linli.access.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How repeated failed logins are slowed down (GB/T 22239-2019 asks for "登录失败处理功能": limit failed attempts and
 * lock). A username is locked after {@code maxFailuresPerUsername} failures within {@code window}; a client address
 * after {@code maxFailuresPerAddress}, a higher limit because a whole office often shares one address. Each lock lasts
 * {@code firstLock}, doubled for every further lock of the same key, up to {@code maxLock}; a key without a lock for
 * {@code maxLock} starts again at {@code firstLock}.
 */
@ConfigurationProperties("linli.access.login")
record LoginProtection(@DefaultValue("5") int maxFailuresPerUsername, @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window, @DefaultValue("15m") Duration firstLock, @DefaultValue("24h") Duration maxLock) {

    /** The length of the n-th lock (n ≥ 1) of one key. */
    Duration lockNumber(int n) {
        Duration lock = firstLock;
        for (int i = 1; i < n && lock.compareTo(maxLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }
}
