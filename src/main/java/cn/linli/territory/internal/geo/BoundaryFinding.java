package cn.linli.territory.internal.geo;

import java.util.Objects;

/**
 * One result of {@link BoundaryValidator}.
 *
 * @param code              the feature the finding is about; for {@link Kind#GAP} the parent's code
 * @param otherCode         the other sibling of an overlap, the parent of a child outside it; else null
 * @param areaSquareMetres  the area outside, overlapping or uncovered; 0 for findings that are not about an area
 * @param location          a point (WGS84) where the problem can be seen, for zooming a map to it; may be null
 */
public record BoundaryFinding(Severity severity, Kind kind, String code, String otherCode, double areaSquareMetres,
        LngLat location, GeoMessage message) {

    public enum Severity {
        /** The boundaries must not be saved like this. */
        ERROR,
        /** Worth a look, but real territories do have unassigned land (rivers, farms, military areas). */
        WARNING
    }

    public enum Kind {
        INVALID_GEOMETRY, PARENT_MISSING, OUTSIDE_PARENT, SIBLING_OVERLAP, GAP
    }

    public BoundaryFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
