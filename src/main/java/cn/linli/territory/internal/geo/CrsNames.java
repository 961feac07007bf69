package cn.linli.territory.internal.geo;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsing behind {@link SourceCrs#fromName}, kept apart so the interface stays a readable summary. Axis order
 * is always taken as GeoJSON's x-then-y, also for EPSG:4326 (formally latitude first): files naming it with
 * latitude-first coordinates are practically nonexistent, while tools stamping it on lng/lat data are common.
 */
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
