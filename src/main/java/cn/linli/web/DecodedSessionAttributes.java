package cn.linli.web;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * How the shared session store (decision 0013) turns session attributes into bytes and back: Java serialization, as
 * Spring Session's own, but the bytes of the values every request reads are decoded once, not on every request.
 * Each API call read the security context and the CSRF token back from their bytes, and Java deserialization of
 * them was about 8 % of an intake request's CPU (profile in docs/performance.md).
 * <p>
 * The same bytes always decode to equal values, so the last decodings are kept, keyed by the bytes themselves; a
 * session changed anywhere has other bytes, and so is decoded afresh. Only values no request changes are shared
 * between requests: the CSRF token, strings and numbers, and a security context's authentication (a principal that
 * is replaced, never changed, after login). The security context itself is a holder that logout empties, so each read
 * gets a holder of its own. Anything else is decoded on each read, as before.
 */
final class DecodedSessionAttributes extends GenericConversionService {

    /** Decodings kept; past it the cache starts over (a few KB each: at most a few MB). */
    static final int KEPT = 2_000;

    private final Map<ByteBuffer, Object> decoded = new ConcurrentHashMap<>();

    DecodedSessionAttributes(ClassLoader classLoader) {
        DeserializingConverter deserializer = new DeserializingConverter(classLoader);
        addConverter(Object.class, byte[].class, new SerializingConverter());
        addConverter(byte[].class, Object.class, (Converter<byte[], Object>) bytes -> read(bytes, deserializer));
    }

    private Object read(byte[] bytes, DeserializingConverter deserializer) {
        ByteBuffer key = ByteBuffer.wrap(bytes);
        Object known = decoded.get(key);
        if (known == null) {
            known = deserializer.convert(bytes);
            if (!shareable(known)) return known;
            if (decoded.size() >= KEPT) decoded.clear();
            // the key must not change under the map: the store hands over a fresh array per read, kept by no one else
            decoded.put(key, known);
        }
        return known instanceof SecurityContext context ? new SecurityContextImpl(context.getAuthentication()) : known;
    }

    private static boolean shareable(Object value) {
        return value instanceof SecurityContextImpl || value instanceof CsrfToken || value instanceof String
                || value instanceof Number || value instanceof Boolean;
    }
}
