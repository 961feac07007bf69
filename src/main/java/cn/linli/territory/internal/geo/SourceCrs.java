package cn.linli.territory.internal.geo;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/** The parsing behind {@link SourceCrs#fromName}, kept apart so the interface stays a readable summary. */
final class CrsNames {

    private static final Pattern EPSG_CODE = Pattern.compile(
            "(?:EPSG:|URN:OGC:DEF:CRS:EPSG:[0-9.]*:|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[0-9.]+/)(\\d+)");
    private static final Pattern CRS84 = Pattern.compile(
            "(?:OGC:|URN:OGC:DEF:CRS:OGC:[0-9.]*:|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/OGC/[0-9.]+/)?CRS84");
    private static final int WGS84_GEOGRAPHIC = 4326;
    private static final int CGCS2000_GEOGRAPHIC = 4490;

    private CrsNames() {
    }

    static SourceCrs parse(String name) {
        if (name == null || name.isBlank()) {
            throw new UnsupportedCrsException(String.valueOf(name));
        }
        String normalized = name.strip().toUpperCase(Locale.ROOT);
        if (CRS84.matcher(normalized).matches()) {
            return SourceCrs.geographic(CoordinateSystem.WGS84);
        }
        Matcher epsg = EPSG_CODE.matcher(normalized);
        if (epsg.matches() && epsg.group(1).length() <= 6) {
            int code = Integer.parseInt(epsg.group(1));
            if (code == WGS84_GEOGRAPHIC || code == CGCS2000_GEOGRAPHIC) {
                return SourceCrs.geographic(CoordinateSystem.WGS84);
            }
            if (GaussKrugerProjection.supports(code)) {
                return SourceCrs.gaussKruger(code);
            }
        }
        throw new UnsupportedCrsException(name.strip());
    }
}
