package cn.linli.territory.internal.geo;

import java.util.Objects;

/**
 * The coordinate reference system of incoming coordinates: either longitude/latitude in one of the
 * {@link CoordinateSystem}s, or CGCS2000 Gauss-Krüger eastings/northings.
 */
public sealed interface SourceCrs permits SourceCrs.Geographic, SourceCrs.GaussKruger {

    /** Converts one position of this CRS, in GeoJSON order (x then y), to WGS84. */
    LngLat toWgs84(double x, double y);

    /** A short name for messages, e.g. {@code EPSG:4553} or {@code GCJ02}. */
    String displayName();

    static SourceCrs geographic(CoordinateSystem system) {
        return new Geographic(system);
    }

    static SourceCrs gaussKruger(int epsgCode) {
        return new GaussKruger(GaussKrugerProjection.forEpsg(epsgCode));
    }

    /**
     * Reads a CRS name as found in a GeoJSON {@code crs} member or typed by a user: {@code EPSG:4553},
     * {@code urn:ogc:def:crs:EPSG::4553} (optionally with a version between the colons),
     * {@code http://www.opengis.net/def/crs/EPSG/0/4553}, or one of the WGS84 names ({@code OGC:CRS84},
     * {@code urn:ogc:def:crs:OGC:1.3:CRS84}, EPSG:4326). EPSG:4490 (CGCS2000 geographic) is read as WGS84.
     *
     * @throws UnsupportedCrsException for anything else, including EPSG codes other than those above
     */
    static SourceCrs fromName(String name) {
        return CrsNames.parse(name);
    }

    /** Longitude/latitude in a (possibly obfuscated) geographic system. */
    record Geographic(CoordinateSystem system) implements SourceCrs {
        public Geographic {
            Objects.requireNonNull(system, "system");
        }

        @Override
        public LngLat toWgs84(double x, double y) {
            return system.toWgs84(x, y);
        }

        @Override
        public String displayName() {
            return system.name();
        }
    }

    /** CGCS2000 3-degree Gauss-Krüger, positions as [easting, northing]. */
    record GaussKruger(GaussKrugerProjection projection) implements SourceCrs {
        public GaussKruger {
            Objects.requireNonNull(projection, "projection");
        }

        @Override
        public LngLat toWgs84(double x, double y) {
            return projection.toWgs84(x, y);
        }

        @Override
        public String displayName() {
            return "EPSG:" + projection.epsgCode();
        }
    }
}
