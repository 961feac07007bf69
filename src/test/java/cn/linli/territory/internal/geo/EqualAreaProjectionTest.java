package cn.linli.territory.internal.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class EqualAreaProjectionTest {

    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257222101;
    private static final double E2 = F * (2 - F);

    /**
     * Area of a small lng/lat cell from the radii of curvature at its middle latitude: meridian radius
     * M = a(1−e²)/W³ times prime-vertical parallel radius N·cos φ = a·cos φ/W, W = √(1 − e² sin² φ). For a cell of
     * 0.01° the relative error of this approximation is below 1e-7.
     */
    private static double cellArea(double lat, double dLng, double dLat) {
        double phi = Math.toRadians(lat);
        double w = Math.sqrt(1 - E2 * Math.sin(phi) * Math.sin(phi));
        double m = A * (1 - E2) / (w * w * w);
        double n = A / w;
        return m * Math.toRadians(dLat) * n * Math.cos(phi) * Math.toRadians(dLng);
    }

    private static Polygon cell(double lng, double lat, double size) {
        GeometryFactory factory = new GeometryFactory();
        return factory.createPolygon(new Coordinate[] {
            new Coordinate(lng, lat), new Coordinate(lng + size, lat), new Coordinate(lng + size, lat + size),
            new Coordinate(lng, lat + size), new Coordinate(lng, lat)
        });
    }

    @Test
    void areasAreTrueGroundAreasEvenFarFromTheStandardParallel() {
        // Standard parallel at 47.15°N; cells at Jiamusi's southern and northern edges, 1.35° away.
        EqualAreaProjection projection = new EqualAreaProjection(132.0, 47.15);
        for (double lat : new double[] {45.8, 46.8, 48.49}) {
            double expected = cellArea(lat + 0.005, 0.01, 0.01);
            double actual = projection.project(cell(130.0, lat, 0.01)).getArea();
            assertThat(actual).as("cell at %s°N", lat).isCloseTo(expected, within(expected * 1e-6));
        }
    }

    @Test
    void inverseReturnsTheOriginalPoint() {
        EqualAreaProjection projection = new EqualAreaProjection(131.9, 47.1);
        for (double lat = 45.8; lat <= 48.5; lat += 0.3) {
            for (double lng = 129.5; lng <= 134.5; lng += 0.7) {
                LngLat back = projection.inverse(projection.x(lng), projection.y(lat));
                assertThat(back.lng()).isCloseTo(lng, within(1e-10));
                assertThat(back.lat()).isCloseTo(lat, within(1e-10));
            }
        }
    }
}
