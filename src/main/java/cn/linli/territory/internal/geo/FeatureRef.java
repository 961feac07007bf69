package cn.linli.territory.internal.geo;

/**
 * Which feature of a file a problem is about: its zero-based index in the {@code features} array (as in the JSON
 * path {@code features[3]}) and, when they could be read, its code and name (otherwise null).
 */
public record FeatureRef(int index, String code, String name) {

    /** One-based position for people ("the 4th feature"), which is what the {@code geo.feature.ref} text shows. */
    public int ordinal() {
        return index + 1;
    }

    /** The {@code geo.feature.ref*} message that names this feature in a sentence. */
    public GeoMessage describe() {
        if (code != null && name != null) {
            return GeoMessage.of(GeoMessageKeys.FEATURE_REF_CODE_NAME, ordinal(), code, name);
        }
        if (code != null) {
            return GeoMessage.of(GeoMessageKeys.FEATURE_REF_CODE, ordinal(), code);
        }
        return GeoMessage.of(GeoMessageKeys.FEATURE_REF, ordinal());
    }
}
