package cn.linli.territory.internal.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A cylindrical equal-area projection of the GRS80/CGCS2000 ellipsoid (≈ WGS84) to metres, used so that the
 * areas JTS computes on planar coordinates are true ground areas in m².
 * <p>
 * Why this and not a local equirectangular projection: equirectangular scales east-west distances by
 * cos φ / cos φ₀, so areas drift by about 1.5% per degree of latitude away from φ₀ — noticeable for a county
 * boundary and for the tolerance comparisons of long thin slivers. The normal cylindrical equal-area projection
 * preserves area exactly everywhere for any standard parallel, costs the same (one sine and one logarithm per
 * point), and distorts shape only away from the standard parallel, which does not matter for areas. The standard
 * parallel and central meridian are put at the centre of the data merely to keep coordinates small.
 * <p>
 * Formulas: Snyder, "Map Projections — A Working Manual" (USGS Professional Paper 1395, 1987), §10,
 * x = a·k₀·(λ − λ₀), y = a·q/(2k₀), k₀ = cos φs / √(1 − e² sin² φs), q from eq. 3-12; inverse by the
 * iteration of eq. 3-16.
 */
final class EqualAreaProjection {

    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257222101;
    private static final double E2 = F * (2 - F);
    private static final double E = Math.sqrt(E2);

    private final double centralMeridianRad;
    private final double k0;
    private final double yOffset;

    EqualAreaProjection(double centralMeridian, double standardParallel) {
        this.centralMeridianRad = Math.toRadians(centralMeridian);
        double sinS = Math.sin(Math.toRadians(standardParallel));
        this.k0 = Math.cos(Math.toRadians(standardParallel)) / Math.sqrt(1 - E2 * sinS * sinS);
        this.yOffset = A * q(Math.toRadians(standardParallel)) / (2 * k0);
    }

    /** A projection centred on an extent in longitude/latitude degrees. */
    static EqualAreaProjection centredOn(Envelope envelope) {
        return new EqualAreaProjection(
                (envelope.getMinX() + envelope.getMaxX()) / 2, (envelope.getMinY() + envelope.getMaxY()) / 2);
    }

    double x(double lng) {
        return A * k0 * (Math.toRadians(lng) - centralMeridianRad);
    }

    double y(double lat) {
        return A * q(Math.toRadians(lat)) / (2 * k0) - yOffset;
    }

    /** A projected copy of a longitude/latitude geometry. */
    Geometry project(Geometry lngLat) {
        Geometry copy = lngLat.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, CoordinateSequence.X, x(seq.getX(i)));
                seq.setOrdinate(i, CoordinateSequence.Y, y(seq.getY(i)));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    /** Back to longitude/latitude, for reporting where a problem is. */
    LngLat inverse(double x, double y) {
        double lng = Math.toDegrees(x / (A * k0) + centralMeridianRad);
        double qTarget = 2 * k0 * (y + yOffset) / A;
        double phi = Math.asin(Math.max(-1, Math.min(1, qTarget / 2)));
        for (int i = 0; i < 20; i++) {
            double sin = Math.sin(phi);
            double w = 1 - E2 * sin * sin;
            double step = w * w / (2 * Math.cos(phi))
                    * (qTarget / (1 - E2) - sin / w + Math.log((1 - E * sin) / (1 + E * sin)) / (2 * E));
            phi += step;
            if (Math.abs(step) < 1e-14) {
                break;
            }
        }
        return new LngLat(lng, Math.toDegrees(phi));
    }

    /** Snyder eq. 3-12: q is proportional to the area between the equator and latitude φ. */
    private static double q(double phi) {
        double sin = Math.sin(phi);
        return (1 - E2) * (sin / (1 - E2 * sin * sin) - Math.log((1 - E * sin) / (1 + E * sin)) / (2 * E));
    }
}
