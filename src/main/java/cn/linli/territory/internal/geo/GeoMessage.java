package cn.linli.territory.internal.geo;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A problem description the web layer can localize: a key from {@code i18n/geo*.properties} and its
 * {@link java.text.MessageFormat} arguments (numbers stay numbers so each locale formats them its way).
 */
public record GeoMessage(String key, List<Object> arguments) {

    public GeoMessage {
        Objects.requireNonNull(key, "key");
        // List.copyOf rejects nulls; an absent value is passed as an empty string instead.
        arguments = List.copyOf(arguments.stream().map(a -> a == null ? "" : a).toList());
    }

    public static GeoMessage of(String key, Object... arguments) {
        return new GeoMessage(key, Arrays.asList(arguments));
    }

    /** The arguments as {@code MessageSource#getMessage} wants them. */
    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
