package cn.linli.territory.internal.geo;

/**
 * One reason a GeoJSON file was rejected. {@code feature} is null for problems with the file as a whole
 * (malformed JSON, wrong top-level type, unsupported {@code crs}).
 */
public record GeoJsonProblem(FeatureRef feature, GeoMessage message) {

    public boolean concernsWholeFile() {
        return feature == null;
    }

    /** The message key, a shortcut for tests and logs. */
    public String key() {
        return message.key();
    }
}
