package cn.linli.territory.internal.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks the boundaries of one level (e.g. all grids of an import) against each other and against their parents:
 * <ul>
 * <li>each polygon is valid (JTS {@link IsValidOp}) — error;</li>
 * <li>each child has a parent boundary — error;</li>
 * <li>each child lies inside its parent, up to the tolerance — error;</li>
 * <li>siblings (same parent) do not overlap by more than the tolerance — error;</li>
 * <li>the children cover their parent: every uncovered piece larger than the tolerance is counted — warning,
 * since real territories have unassigned land.</li>
 * </ul>
 * Boundaries drawn by different people never share edges exactly, so slivers below the tolerance (m²) are
 * ignored: per child for the area outside its parent, per sibling pair for overlaps, and per uncovered piece for
 * gaps (summing all slivers of a parent would flag every community whose grids were digitized separately). All areas are computed in an {@link EqualAreaProjection} centred on the data, so they are true ground
 * areas. Invalid polygons are reported and then repaired with {@link GeometryFixer} for the remaining checks, so
 * one bad ring does not hide the other problems. Sibling pairs are found through an STR-tree of envelopes, and an
 * interiors-intersect test (RelateNG) rules out neighbours that merely share an edge before any overlay is
 * computed, so the work grows with the number of neighbours, not with the square of the number of features.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class BoundaryValidator {

    public static final double DEFAULT_TOLERANCE_M2 = 1.0;

    /** Interiors share at least a point: the first cell of the DE-9IM matrix is not F. */
    /** Interiors intersect. RelateNG predicates keep state while they evaluate, so each evaluation needs a new one. */
    private static final String INTERIORS_INTERSECT = "T********";

    private final double toleranceSquareMetres;

    public BoundaryValidator() {
        this(DEFAULT_TOLERANCE_M2);
    }

    /** @param toleranceSquareMetres areas up to this size (outside, overlapping, uncovered) are not reported */
    public BoundaryValidator(double toleranceSquareMetres) {
        if (!(toleranceSquareMetres >= 0) || Double.isInfinite(toleranceSquareMetres)) {
            throw new IllegalArgumentException("tolerance must be a non-negative number of m², not " + toleranceSquareMetres);
        }
        this.toleranceSquareMetres = toleranceSquareMetres;
    }

    public double toleranceSquareMetres() {
        return toleranceSquareMetres;
    }

    /**
     * @param features      the boundaries of one level, in WGS84
     * @param parentsByCode the parents' boundaries in WGS84 by parent code
     * @param parentCodeOf  maps a feature's code to its parent's code (may return null)
     */
    public BoundaryReport validate(Collection<BoundaryFeature> features, Map<String, ? extends Geometry> parentsByCode,
            Function<String, String> parentCodeOf) {
        if (features.isEmpty()) {
            return new BoundaryReport(List.of());
        }
        Run run = new Run(List.copyOf(features), parentsByCode, parentCodeOf);
        run.checkValidity();
        run.checkParents();
        run.checkSiblingOverlaps();
        run.checkGaps();
        return new BoundaryReport(run.findings);
    }

    /** The state of one validation: projected geometries and the findings so far. */
    private final class Run {
        private final List<BoundaryFeature> features;
        private final Map<String, ? extends Geometry> parentsByCode;
        private final EqualAreaProjection projection;
        private final List<Geometry> projected = new ArrayList<>();
        private final List<String> parentCodes = new ArrayList<>();
        private final Map<String, Geometry> projectedParents = new HashMap<>();
        /**
         * Parents some of whose children are not provably disjoint from each other and inside the parent. For
         * the others the covered area is simply the sum of the children's areas, and the (costly) union of the
         * children is only needed if that sum falls short.
         */
        private final Set<String> parentsNeedingUnion = new HashSet<>();
        private final List<BoundaryFinding> findings = new ArrayList<>();

        Run(List<BoundaryFeature> features, Map<String, ? extends Geometry> parentsByCode,
                Function<String, String> parentCodeOf) {
            this.features = features;
            this.parentsByCode = parentsByCode;
            Envelope extent = new Envelope();
            features.forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
            this.projection = EqualAreaProjection.centredOn(extent);
            for (BoundaryFeature feature : features) {
                parentCodes.add(parentCodeOf.apply(feature.code()));
            }
        }

        void checkValidity() {
            for (BoundaryFeature feature : features) {
                Geometry geometry = feature.geometry();
                TopologyValidationError error = new IsValidOp(geometry).getValidationError();
                if (error != null) {
                    Coordinate at = error.getCoordinate();
                    LngLat location = at == null ? null : new LngLat(at.x, at.y);
                    add(BoundaryFinding.Severity.ERROR, BoundaryFinding.Kind.INVALID_GEOMETRY, feature.code(), null, 0,
                            location, GeoMessage.of(validityKey(error.getErrorType()), feature.code(),
                                    location == null ? Double.NaN : location.lng(),
                                    location == null ? Double.NaN : location.lat()));
                    geometry = GeometryFixer.fix(geometry);
                }
                projected.add(valid(projection.project(geometry)));
            }
        }

        void checkParents() {
            Map<String, RelateNG> preparedParents = new HashMap<>();
            for (int i = 0; i < features.size(); i++) {
                String code = features.get(i).code();
                String parentCode = parentCodes.get(i);
                // A top unit (the city) has no parent to lie inside.
                if (parentCode == null) continue;
                Geometry parent = projectedParent(parentCode);
                if (parent == null) {
                    add(BoundaryFinding.Severity.ERROR, BoundaryFinding.Kind.PARENT_MISSING, code, parentCode, 0, null,
                            GeoMessage.of(GeoMessageKeys.PARENT_MISSING, code, parentCode));
                    continue;
                }
                Geometry child = projected.get(i);
                RelateNG prepared = preparedParents.computeIfAbsent(parentCode, c -> RelateNG.prepare(parent));
                if (prepared.evaluate(child, RelatePredicate.covers())) {
                    continue;
                }
                parentsNeedingUnion.add(parentCode);
                Geometry outside = OverlayNGRobust.overlay(child, parent, OverlayNG.DIFFERENCE);
                double area = outside.getArea();
                if (area > toleranceSquareMetres) {
                    LngLat at = pointIn(outside);
                    add(BoundaryFinding.Severity.ERROR, BoundaryFinding.Kind.OUTSIDE_PARENT, code, parentCode, area, at,
                            GeoMessage.of(GeoMessageKeys.OUTSIDE_PARENT, code, parentCode, area, at.lng(), at.lat()));
                }
            }
        }

        void checkSiblingOverlaps() {
            STRtree index = new STRtree();
            for (int i = 0; i < projected.size(); i++) {
                index.insert(projected.get(i).getEnvelopeInternal(), i);
            }
            index.build();
            for (int i = 0; i < projected.size(); i++) {
                String parentCode = parentCodes.get(i);
                if (parentCode == null) {
                    continue;
                }
                Geometry a = projected.get(i);
                RelateNG prepared = null;
                @SuppressWarnings("unchecked")
                List<Integer> candidates = index.query(a.getEnvelopeInternal());
                for (int j : candidates) {
                    if (j <= i || !parentCode.equals(parentCodes.get(j))) {
                        continue;
                    }
                    if (prepared == null) {
                        prepared = RelateNG.prepare(a);
                    }
                    Geometry b = projected.get(j);
                    if (!prepared.evaluate(b, RelatePredicate.matches(INTERIORS_INTERSECT))) {
                        continue;
                    }
                    parentsNeedingUnion.add(parentCode);
                    Geometry overlap = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
                    double area = overlap.getArea();
                    if (area > toleranceSquareMetres) {
                        String code = features.get(i).code();
                        String other = features.get(j).code();
                        LngLat at = pointIn(overlap);
                        add(BoundaryFinding.Severity.ERROR, BoundaryFinding.Kind.SIBLING_OVERLAP, code, other, area, at,
                                GeoMessage.of(GeoMessageKeys.SIBLING_OVERLAP, code, other, area, at.lng(), at.lat()));
                    }
                }
            }
        }

        /** Only parents with at least one child in this run are checked: the import may cover part of the city. */
        void checkGaps() {
            Map<String, List<Geometry>> childrenByParent = new LinkedHashMap<>();
            for (int i = 0; i < projected.size(); i++) {
                String parentCode = parentCodes.get(i);
                if (parentCode != null && projectedParent(parentCode) != null) {
                    childrenByParent.computeIfAbsent(parentCode, c -> new ArrayList<>()).add(projected.get(i));
                }
            }
            for (Map.Entry<String, List<Geometry>> entry : childrenByParent.entrySet()) {
                Geometry parent = projectedParent(entry.getKey());
                if (!parentsNeedingUnion.contains(entry.getKey())) {
                    double childrenArea = entry.getValue().stream().mapToDouble(Geometry::getArea).sum();
                    if (parent.getArea() - childrenArea <= toleranceSquareMetres) {
                        continue;
                    }
                }
                Geometry covered = OverlayNGRobust.union(entry.getValue());
                Geometry gap = OverlayNGRobust.overlay(parent, covered, OverlayNG.DIFFERENCE);
                // Slivers along shared edges digitized twice are noise; only pieces above the tolerance count.
                List<Geometry> pieces = new ArrayList<>();
                for (int i = 0; i < gap.getNumGeometries(); i++) {
                    if (gap.getGeometryN(i).getArea() > toleranceSquareMetres) {
                        pieces.add(gap.getGeometryN(i));
                    }
                }
                if (!pieces.isEmpty()) {
                    Geometry significant = gap.getFactory().buildGeometry(pieces);
                    double area = significant.getArea();
                    LngLat at = pointIn(significant);
                    add(BoundaryFinding.Severity.WARNING, BoundaryFinding.Kind.GAP, entry.getKey(), null, area, at,
                            GeoMessage.of(GeoMessageKeys.GAP, entry.getKey(), area, pieces.size(), at.lng(), at.lat()));
                }
            }
        }

        private Geometry projectedParent(String parentCode) {
            if (projectedParents.containsKey(parentCode)) {
                return projectedParents.get(parentCode);
            }
            Geometry parent = parentsByCode.get(parentCode);
            Geometry result = parent == null || parent.isEmpty() ? null : valid(projection.project(parent));
            projectedParents.put(parentCode, result);
            return result;
        }

        /** A point inside the largest piece of an area, in WGS84. */
        private LngLat pointIn(Geometry area) {
            Geometry largest = area;
            if (area instanceof GeometryCollection collection) {
                for (int i = 0; i < collection.getNumGeometries(); i++) {
                    Geometry piece = collection.getGeometryN(i);
                    if (largest == area || piece.getArea() > largest.getArea()) {
                        largest = piece;
                    }
                }
            }
            Point point = largest.getInteriorPoint();
            return projection.inverse(point.getX(), point.getY());
        }

        private void add(BoundaryFinding.Severity severity, BoundaryFinding.Kind kind, String code, String otherCode,
                double area, LngLat location, GeoMessage message) {
            findings.add(new BoundaryFinding(severity, kind, code, otherCode, area, location, message));
        }
    }

    /**
     * Projection bends edges slightly, which can in rare near-degenerate cases make a valid polygon invalid;
     * overlay needs valid input, so repair such cases rather than fail.
     */
    private static Geometry valid(Geometry geometry) {
        return geometry.isValid() ? geometry : GeometryFixer.fix(geometry);
    }

    static String validityKey(int errorType) {
        return switch (errorType) {
            case TopologyValidationError.REPEATED_POINT -> GeoMessageKeys.VALIDITY_REPEATED_POINT;
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> GeoMessageKeys.VALIDITY_HOLE_OUTSIDE_SHELL;
            case TopologyValidationError.NESTED_HOLES -> GeoMessageKeys.VALIDITY_NESTED_HOLES;
            case TopologyValidationError.DISCONNECTED_INTERIOR -> GeoMessageKeys.VALIDITY_DISCONNECTED_INTERIOR;
            case TopologyValidationError.SELF_INTERSECTION -> GeoMessageKeys.VALIDITY_SELF_INTERSECTION;
            case TopologyValidationError.RING_SELF_INTERSECTION -> GeoMessageKeys.VALIDITY_RING_SELF_INTERSECTION;
            case TopologyValidationError.NESTED_SHELLS -> GeoMessageKeys.VALIDITY_NESTED_SHELLS;
            case TopologyValidationError.DUPLICATE_RINGS -> GeoMessageKeys.VALIDITY_DUPLICATE_RINGS;
            case TopologyValidationError.TOO_FEW_POINTS -> GeoMessageKeys.VALIDITY_TOO_FEW_POINTS;
            case TopologyValidationError.INVALID_COORDINATE -> GeoMessageKeys.VALIDITY_INVALID_COORDINATE;
            case TopologyValidationError.RING_NOT_CLOSED -> GeoMessageKeys.VALIDITY_RING_NOT_CLOSED;
            default -> GeoMessageKeys.VALIDITY_ERROR;
        };
    }
}
