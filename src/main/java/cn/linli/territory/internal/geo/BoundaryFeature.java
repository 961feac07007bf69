package cn.linli.territory.internal.geo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * One division boundary: its code, name (may be null), a Polygon or MultiPolygon in WGS84 longitude/latitude,
 * and any further properties of the source file as text, in file order.
 */
public record BoundaryFeature(String code, String name, Geometry geometry, Map<String, String> properties) {

    public BoundaryFeature {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(geometry, "geometry");
        if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
            throw new IllegalArgumentException("boundary of " + code + " must be a Polygon or MultiPolygon, not "
                    + geometry.getGeometryType());
        }
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public BoundaryFeature(String code, String name, Geometry geometry) {
        this(code, name, geometry, Map.of());
    }
}
