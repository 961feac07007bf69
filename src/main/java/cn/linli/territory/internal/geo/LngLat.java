package cn.linli.territory.internal.geo;

/**
 * A longitude/latitude pair in degrees, in whatever coordinate system the context says. Unlike
 * {@link cn.linli.shared.GeoPoint} it does not check ranges, because conversions and file readers must be able to
 * hold a bad value long enough to report it.
 */
public record LngLat(double lng, double lat) {
}
