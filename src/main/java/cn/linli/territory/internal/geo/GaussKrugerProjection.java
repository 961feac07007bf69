package cn.linli.territory.internal.geo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.Proj4jException;

/**
 * CGCS2000 3-degree Gauss-Krüger projected coordinates, the form in which Chinese surveying offices deliver
 * boundaries. There are two EPSG families for the same 21 zones (25–45, central meridian 3° × zone):
 * <ul>
 * <li>EPSG:4513–4533 "zone NN": the false easting carries the zone number as a prefix (zone 44: 44,500,000 m),
 * so eastings have eight integer digits;</li>
 * <li>EPSG:4534–4554 "CM NNNE": false easting 500,000 m, no prefix, so the zone must be known from the code.</li>
 * </ul>
 * Jiamusi lies in zones 43–45 (central meridians 129°, 132°, 135°E): EPSG:4531–4533 or EPSG:4552–4554.
 * <p>
 * The inverse projection runs through proj4j using the definitions shipped in proj4j-epsg. The result is on the
 * CGCS2000 datum, which Linli treats as WGS84 (they differ by centimetres). Instances are immutable and
 * thread-safe (proj4j's transforms have been since 1.1) and cached per code, since building one parses the EPSG
 * definition file.
 */
public final class GaussKrugerProjection {

    private static final int FIRST_ZONE = 25;
    private static final int LAST_ZONE = 45;
    private static final int FIRST_PREFIXED_CODE = 4513;
    private static final int FIRST_UNPREFIXED_CODE = 4534;
    private static final int LAST_UNPREFIXED_CODE = 4554;

    /**
     * How far from the central meridian an easting may lie and still be taken seriously: a 3° zone is at most
     * 1.5° ≈ 167 km wide on each side at the equator; we allow 400 km so that data slightly overlapping a
     * neighbouring zone still reads, while swapped easting/northing (a northing of 5,000 km) is caught.
     */
    private static final double MAX_DISTANCE_FROM_CENTRAL_MERIDIAN_M = 400_000;
    /** Northern hemisphere only: all of China is north of the equator and south of 10,000 km. */
    private static final double MAX_NORTHING_M = 10_000_000;

    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORM_FACTORY = new CoordinateTransformFactory();
    private static final ConcurrentMap<Integer, GaussKrugerProjection> CACHE = new ConcurrentHashMap<>();

    private final int epsgCode;
    private final int zone;
    private final boolean zonePrefixedEasting;
    private final CoordinateTransform toGeographic;
    private final CoordinateTransform fromGeographic;

    private GaussKrugerProjection(int epsgCode) {
        this.epsgCode = epsgCode;
        this.zonePrefixedEasting = epsgCode < FIRST_UNPREFIXED_CODE;
        this.zone = FIRST_ZONE + epsgCode - (zonePrefixedEasting ? FIRST_PREFIXED_CODE : FIRST_UNPREFIXED_CODE);
        CoordinateReferenceSystem projected = CRS_FACTORY.createFromName("EPSG:" + epsgCode);
        // The geographic CRS on the same ellipsoid and datum: a pure inverse projection, no datum shift.
        CoordinateReferenceSystem geographic = projected.createGeographic();
        this.toGeographic = TRANSFORM_FACTORY.createTransform(projected, geographic);
        this.fromGeographic = TRANSFORM_FACTORY.createTransform(geographic, projected);
    }

    /** Whether {@code epsgCode} is one of the CGCS2000 3-degree Gauss-Krüger codes EPSG:4513–4554. */
    public static boolean supports(int epsgCode) {
        return epsgCode >= FIRST_PREFIXED_CODE && epsgCode <= LAST_UNPREFIXED_CODE;
    }

    /**
     * The projection for an EPSG code.
     *
     * @throws UnsupportedCrsException for any code outside EPSG:4513–4554
     */
    public static GaussKrugerProjection forEpsg(int epsgCode) {
        if (!supports(epsgCode)) {
            throw new UnsupportedCrsException("EPSG:" + epsgCode);
        }
        return CACHE.computeIfAbsent(epsgCode, GaussKrugerProjection::new);
    }

    /**
     * The projection for a zone (25–45), with or without the zone number prefixed to eastings.
     *
     * @throws IllegalArgumentException for a zone outside 25–45
     */
    public static GaussKrugerProjection forZone(int zone, boolean zonePrefixedEasting) {
        if (zone < FIRST_ZONE || zone > LAST_ZONE) {
            throw new IllegalArgumentException("CGCS2000 3-degree Gauss-Kruger zones are 25-45, not " + zone);
        }
        int offset = zone - FIRST_ZONE;
        return forEpsg((zonePrefixedEasting ? FIRST_PREFIXED_CODE : FIRST_UNPREFIXED_CODE) + offset);
    }

    public int epsgCode() {
        return epsgCode;
    }

    public int zone() {
        return zone;
    }

    /** Degrees east: 3 × zone. */
    public int centralMeridian() {
        return 3 * zone;
    }

    public boolean zonePrefixedEasting() {
        return zonePrefixedEasting;
    }

    /** 500,000 m, plus zone × 1,000,000 m for the prefixed family. */
    public double falseEasting() {
        return (zonePrefixedEasting ? zone * 1_000_000.0 : 0.0) + 500_000.0;
    }

    /**
     * Whether a position can belong to this projection at all: northern hemisphere and within a few hundred
     * kilometres of the central meridian. Catches swapped axes and coordinates meant for the other family (a
     * prefixed easting read with an unprefixed code is 44 million metres off).
     */
    public boolean isPlausible(double easting, double northing) {
        return Double.isFinite(easting) && Double.isFinite(northing)
                && Math.abs(easting - falseEasting()) <= MAX_DISTANCE_FROM_CENTRAL_MERIDIAN_M
                && northing >= 0 && northing <= MAX_NORTHING_M;
    }

    /**
     * Inverse projection to longitude/latitude (CGCS2000, used as WGS84).
     *
     * @throws IllegalArgumentException if proj4j cannot invert the position (far outside the zone)
     */
    public LngLat toWgs84(double easting, double northing) {
        ProjCoordinate out = new ProjCoordinate();
        try {
            toGeographic.transform(new ProjCoordinate(easting, northing), out);
        } catch (Proj4jException e) {
            throw new IllegalArgumentException("cannot invert EPSG:" + epsgCode + " position " + easting + ", " + northing, e);
        }
        return new LngLat(out.x, out.y);
    }

    /** Forward projection of a WGS84 (taken as CGCS2000) longitude/latitude. */
    public EastingNorthing fromWgs84(double lng, double lat) {
        ProjCoordinate out = new ProjCoordinate();
        fromGeographic.transform(new ProjCoordinate(lng, lat), out);
        return new EastingNorthing(out.x, out.y);
    }

    @Override
    public String toString() {
        return "EPSG:" + epsgCode + " (CGCS2000 3-degree Gauss-Kruger zone " + zone + ", CM " + centralMeridian() + "E)";
    }
}
