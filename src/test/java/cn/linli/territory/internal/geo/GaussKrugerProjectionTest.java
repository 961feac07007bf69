package cn.linli.territory.internal.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GaussKrugerProjectionTest {

    /** CGCS2000 ellipsoid (GB/T 18522 / EPSG:1024). */
    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257222101;

    /**
     * Length of the meridian arc from the equator to latitude {@code phi}, from the classic series in e² (as in
     * Chinese geodesy textbooks, e.g. Kong Xiangyuan, "Fundamentals of Geodesy"), carried to e¹⁰: well below a
     * millimetre of truncation error. Computed independently of proj4j, whose tmerc uses a different formulation.
     */
    private static double meridianArc(double latDegrees) {
        double e2 = F * (2 - F);
        double e4 = e2 * e2;
        double e6 = e4 * e2;
        double e8 = e6 * e2;
        double e10 = e8 * e2;
        double a0 = 1 + 3.0 / 4 * e2 + 45.0 / 64 * e4 + 175.0 / 256 * e6 + 11025.0 / 16384 * e8 + 43659.0 / 65536 * e10;
        double a2 = 3.0 / 4 * e2 + 15.0 / 16 * e4 + 525.0 / 512 * e6 + 2205.0 / 2048 * e8 + 72765.0 / 65536 * e10;
        double a4 = 15.0 / 64 * e4 + 105.0 / 256 * e6 + 2205.0 / 4096 * e8 + 10395.0 / 16384 * e10;
        double a6 = 35.0 / 512 * e6 + 315.0 / 2048 * e8 + 31185.0 / 131072 * e10;
        double a8 = 315.0 / 16384 * e8 + 3465.0 / 65536 * e10;
        double a10 = 693.0 / 131072 * e10;
        double phi = Math.toRadians(latDegrees);
        return A * (1 - e2) * (a0 * phi
                - a2 / 2 * Math.sin(2 * phi)
                + a4 / 4 * Math.sin(4 * phi)
                - a6 / 6 * Math.sin(6 * phi)
                + a8 / 8 * Math.sin(8 * phi)
                - a10 / 10 * Math.sin(10 * phi));
    }

    @Test
    void meridianArcSeriesItselfMatchesThePublishedValueAt45Degrees() {
        // Guard on the reference: the GRS80 meridian arc to 45° is 4,984,944.378 m (e.g. tabulated in the
        // Wikipedia article "Meridian arc"); CGCS2000's flattening differs from GRS80's only past the 12th digit.
        assertThat(meridianArc(45)).isCloseTo(4_984_944.378, within(0.001));
    }

    @ParameterizedTest(name = "EPSG:{0} at {2}N")
    @CsvSource({
        "4553, 132, 46.8",
        "4532, 132, 46.8",
        "4552, 129, 46.0",
        "4554, 135, 48.3",
        "4533, 135, 48.3"
    })
    void pointOnCentralMeridianHasNorthingEqualToMeridianArc(int epsg, double centralMeridian, double lat) {
        GaussKrugerProjection gk = GaussKrugerProjection.forEpsg(epsg);
        double expectedNorthing = meridianArc(lat);

        EastingNorthing projected = gk.fromWgs84(centralMeridian, lat);
        assertThat(projected.easting()).isCloseTo(gk.falseEasting(), within(0.001));
        assertThat(projected.northing()).isCloseTo(expectedNorthing, within(0.001));

        LngLat back = gk.toWgs84(gk.falseEasting(), expectedNorthing);
        assertThat(back.lng()).isCloseTo(centralMeridian, within(1e-9));
        assertThat(back.lat()).isCloseTo(lat, within(1e-9)); // 1e-9° ≈ 0.1 mm
    }

    @Test
    void roundTripsRandomPointsInJiamusi() {
        Random random = new Random(46_800);
        for (int i = 0; i < 2_000; i++) {
            double lng = 130.5 + 3.0 * random.nextDouble(); // zone 44 covers 130.5–133.5°E
            double lat = 45.8 + 2.7 * random.nextDouble();
            GaussKrugerProjection gk = GaussKrugerProjection.forEpsg(4553);
            EastingNorthing en = gk.fromWgs84(lng, lat);
            assertThat(gk.isPlausible(en.easting(), en.northing())).isTrue();
            LngLat back = gk.toWgs84(en.easting(), en.northing());
            assertThat(Distances.metres(back, new LngLat(lng, lat))).isLessThan(0.001);
        }
    }

    @Test
    void prefixedAndUnprefixedCodesOfAZoneAgree() {
        GaussKrugerProjection prefixed = GaussKrugerProjection.forEpsg(4532);
        GaussKrugerProjection plain = GaussKrugerProjection.forEpsg(4553);
        assertThat(prefixed.zone()).isEqualTo(44);
        assertThat(plain.zone()).isEqualTo(44);
        double easting = 612_345.678;
        double northing = 5_186_543.21;
        LngLat fromPlain = plain.toWgs84(easting, northing);
        LngLat fromPrefixed = prefixed.toWgs84(44_000_000 + easting, northing);
        assertThat(fromPrefixed.lng()).isCloseTo(fromPlain.lng(), within(1e-10));
        assertThat(fromPrefixed.lat()).isCloseTo(fromPlain.lat(), within(1e-10));
        // ...and that point is in Jiamusi, east of the city centre.
        assertThat(fromPlain.lng()).isBetween(133.0, 134.0);
        assertThat(fromPlain.lat()).isBetween(46.5, 47.0);
    }

    @Test
    void everySupportedCodeMatchesTheZoneProj4jDefines() {
        // Projecting the central meridian at the equator gives exactly the false easting, so this checks our
        // code → zone arithmetic against the definitions in proj4j-epsg for all 42 codes.
        for (int code = 4513; code <= 4554; code++) {
            GaussKrugerProjection gk = GaussKrugerProjection.forEpsg(code);
            int expectedZone = code <= 4533 ? code - 4513 + 25 : code - 4534 + 25;
            assertThat(gk.zone()).as("zone of EPSG:%d", code).isEqualTo(expectedZone);
            EastingNorthing origin = gk.fromWgs84(gk.centralMeridian(), 0);
            assertThat(origin.easting()).as("false easting of EPSG:%d", code).isCloseTo(gk.falseEasting(), within(1e-6));
            assertThat(origin.northing()).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void jiamusiZonesHaveTheExpectedCodes() {
        assertThat(GaussKrugerProjection.forZone(43, true).epsgCode()).isEqualTo(4531);
        assertThat(GaussKrugerProjection.forZone(44, true).epsgCode()).isEqualTo(4532);
        assertThat(GaussKrugerProjection.forZone(45, true).epsgCode()).isEqualTo(4533);
        assertThat(GaussKrugerProjection.forZone(43, false).epsgCode()).isEqualTo(4552);
        assertThat(GaussKrugerProjection.forZone(44, false).epsgCode()).isEqualTo(4553);
        assertThat(GaussKrugerProjection.forZone(45, false).epsgCode()).isEqualTo(4554);
        assertThat(GaussKrugerProjection.forEpsg(4532).falseEasting()).isEqualTo(44_500_000.0);
        assertThat(GaussKrugerProjection.forEpsg(4553).centralMeridian()).isEqualTo(132);
    }

    @ParameterizedTest
    @ValueSource(ints = {4326, 4490, 4512, 4555, 3857, 2385})
    void rejectsOtherCodes(int code) {
        assertThatThrownBy(() -> GaussKrugerProjection.forEpsg(code))
                .isInstanceOf(UnsupportedCrsException.class)
                .hasMessageContaining("EPSG:" + code)
                .hasMessageContaining("4513-4554");
    }

    @Test
    void flagsSwappedAxesAndTheWrongFamilyAsImplausible() {
        GaussKrugerProjection plain = GaussKrugerProjection.forEpsg(4553);
        assertThat(plain.isPlausible(612_345, 5_186_543)).isTrue();
        assertThat(plain.isPlausible(5_186_543, 612_345)).isFalse();
        assertThat(plain.isPlausible(44_612_345, 5_186_543)).isFalse();
        assertThat(GaussKrugerProjection.forEpsg(4532).isPlausible(612_345, 5_186_543)).isFalse();
    }
}
