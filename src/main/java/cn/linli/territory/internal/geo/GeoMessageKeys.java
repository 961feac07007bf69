package cn.linli.territory.internal.geo;

/**
 * The message keys this package emits, with the meaning of their arguments. Texts live in
 * {@code i18n/geo.properties} (English) and {@code i18n/geo_zh_CN.properties}; a test checks that every constant
 * here has both texts. Polygon, ring and position numbers are one-based, ring 1 being the outer ring.
 */
public final class GeoMessageKeys {

    // Naming a feature in a sentence. {0} one-based position in the file, {1} code, {2} name.
    public static final String FEATURE_REF = "geo.feature.ref";
    public static final String FEATURE_REF_CODE = "geo.feature.ref.code";
    public static final String FEATURE_REF_CODE_NAME = "geo.feature.ref.codeName";

    // The file as a whole.
    /** {0} line, {1} column, {2} the parser's own (English) description. */
    public static final String JSON_MALFORMED = "geo.json.malformed";
    public static final String JSON_EMPTY = "geo.json.empty";
    /** {0} the type found ("array", "Feature", ...). */
    public static final String COLLECTION_WRONG_TYPE = "geo.collection.wrongType";
    public static final String COLLECTION_FEATURES_MISSING = "geo.collection.featuresMissing";
    public static final String COLLECTION_EMPTY = "geo.collection.empty";
    /** {0} how many problems are listed; more were found. */
    public static final String PROBLEMS_TRUNCATED = "geo.problems.truncated";
    /** {0} the CRS name. */
    public static final String CRS_UNSUPPORTED = "geo.crs.unsupported";
    public static final String CRS_MALFORMED = "geo.crs.malformed";
    /** {0} the CRS the file declares, {1} the one the caller chose. */
    public static final String CRS_CONFLICT = "geo.crs.conflict";

    // One feature.
    /** {0} the type found. */
    public static final String FEATURE_WRONG_TYPE = "geo.feature.wrongType";
    public static final String FEATURE_MISSING_GEOMETRY = "geo.feature.missingGeometry";
    public static final String FEATURE_MISSING_CODE = "geo.feature.missingCode";
    /** {0} the value found. */
    public static final String FEATURE_INVALID_CODE = "geo.feature.invalidCode";
    /** {0} the code, {1} one-based position of the first feature with that code. */
    public static final String FEATURE_DUPLICATE_CODE = "geo.feature.duplicateCode";
    public static final String GEOMETRY_MALFORMED = "geo.geometry.malformed";
    /** {0} the geometry type found. */
    public static final String GEOMETRY_UNSUPPORTED_TYPE = "geo.geometry.unsupportedType";
    /** {0} the geometry type. */
    public static final String GEOMETRY_COORDINATES_MISSING = "geo.geometry.coordinatesMissing";
    /** {0} polygon number (0 when the geometry has no polygon at all). */
    public static final String GEOMETRY_EMPTY = "geo.geometry.empty";
    /** {0} polygon, {1} ring. */
    public static final String RING_MALFORMED = "geo.ring.malformed";
    /** {0} polygon, {1} ring, {2} number of positions. */
    public static final String RING_TOO_FEW_POSITIONS = "geo.ring.tooFewPositions";
    /** {0} polygon, {1} ring, {2}/{3} first position x/y, {4}/{5} last position x/y. */
    public static final String RING_NOT_CLOSED = "geo.ring.notClosed";
    /** {0} polygon, {1} ring, {2} position, {3} how many positions of the ring are affected. */
    public static final String POSITION_MALFORMED = "geo.position.malformed";
    /** {0} polygon, {1} ring, {2} position, {3} how many affected, {4} the offending value as written. */
    public static final String POSITION_NOT_NUMERIC = "geo.position.notNumeric";
    /** {0} polygon, {1} ring, {2} position, {3} how many affected, {4} longitude, {5} latitude (WGS84). */
    public static final String POSITION_OUT_OF_RANGE = "geo.position.outOfRange";
    /** {0} polygon, {1} ring, {2} position, {3} how many affected, {4} x, {5} y, {6} the CRS name. */
    public static final String POSITION_OUTSIDE_ZONE = "geo.position.outsideZone";

    // Boundary validation (BoundaryValidator).
    /** {0} code, {1} longitude, {2} latitude: one key per JTS validity problem, see {@code VALIDITY_*}. */
    public static final String VALIDITY_PREFIX = "geo.validity.";
    public static final String VALIDITY_ERROR = "geo.validity.error";
    public static final String VALIDITY_REPEATED_POINT = "geo.validity.repeatedPoint";
    public static final String VALIDITY_HOLE_OUTSIDE_SHELL = "geo.validity.holeOutsideShell";
    public static final String VALIDITY_NESTED_HOLES = "geo.validity.nestedHoles";
    public static final String VALIDITY_DISCONNECTED_INTERIOR = "geo.validity.disconnectedInterior";
    public static final String VALIDITY_SELF_INTERSECTION = "geo.validity.selfIntersection";
    public static final String VALIDITY_RING_SELF_INTERSECTION = "geo.validity.ringSelfIntersection";
    public static final String VALIDITY_NESTED_SHELLS = "geo.validity.nestedShells";
    public static final String VALIDITY_DUPLICATE_RINGS = "geo.validity.duplicateRings";
    public static final String VALIDITY_TOO_FEW_POINTS = "geo.validity.tooFewPoints";
    public static final String VALIDITY_INVALID_COORDINATE = "geo.validity.invalidCoordinate";
    public static final String VALIDITY_RING_NOT_CLOSED = "geo.validity.ringNotClosed";
    /** {0} code, {1} parent code (empty if none could be determined). */
    public static final String PARENT_MISSING = "geo.boundary.parentMissing";
    /** {0} code, {1} parent code, {2} area outside in m², {3}/{4} longitude/latitude of a point in it. */
    public static final String OUTSIDE_PARENT = "geo.boundary.outsideParent";
    /** {0} code, {1} other code, {2} overlap area in m², {3}/{4} longitude/latitude of a point in it. */
    public static final String SIBLING_OVERLAP = "geo.boundary.siblingOverlap";
    /** {0} parent code, {1} uncovered area in m², {2} number of separate gaps, {3}/{4} a point in the largest. */
    public static final String GAP = "geo.boundary.gap";

    private GeoMessageKeys() {
    }
}
