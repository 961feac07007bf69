package cn.linli.territory.internal.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoordinateSystemTest {

    private static final double TWO_METRES = 2.0;

    /**
     * WGS84 → GCJ-02 pairs from the test suite of googollee/eviltransform (go/transform_test.go and
     * python/test.py, "tests" table: wgsLat, wgsLng, gcjLat, gcjLng), reordered here to lng/lat.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "shanghai, 121.5272106, 31.1774276, 121.531541859215,   31.17530398364597",
        "shenzhen, 113.912316,  22.543847,  113.9171764808363,  22.540796131694766",
        "beijing,  116.377817,  39.911954,  116.38404722455657, 39.91334545536069"
    })
    void matchesEviltransformReferencePairs(String place, double wgsLng, double wgsLat, double gcjLng, double gcjLat) {
        LngLat gcj = CoordinateSystem.GCJ02.fromWgs84(wgsLng, wgsLat);
        assertThat(Distances.metres(gcj, new LngLat(gcjLng, gcjLat))).isLessThan(TWO_METRES);

        LngLat wgs = CoordinateSystem.GCJ02.toWgs84(gcjLng, gcjLat);
        assertThat(Distances.metres(wgs, new LngLat(wgsLng, wgsLat))).isLessThan(TWO_METRES);
    }

    /**
     * The example results printed in the README of wandergis/coordtransform ("//result" block):
     * wgs84togcj02(116.404, 39.915) = [116.41024449916938, 39.91640428150164],
     * bd09togcj02(116.404, 39.915) = [116.39762729119315, 39.90865673957631],
     * gcj02tobd09(116.404, 39.915) = [116.41036949371029, 39.92133699351021].
     */
    @Test
    void matchesCoordtransformReadmeExamples() {
        LngLat gcj = CoordinateSystem.GCJ02.fromWgs84(116.404, 39.915);
        assertThat(Distances.metres(gcj, new LngLat(116.41024449916938, 39.91640428150164))).isLessThan(TWO_METRES);

        // GCJ-02 → BD-09 and back, through WGS84 (the only route the enum offers).
        LngLat gcjOrigin = new LngLat(116.404, 39.915);
        LngLat bd = CoordinateSystem.BD09.fromWgs84(CoordinateSystem.GCJ02.toWgs84(gcjOrigin));
        assertThat(Distances.metres(bd, new LngLat(116.41036949371029, 39.92133699351021))).isLessThan(TWO_METRES);

        LngLat gcjFromBd = CoordinateSystem.GCJ02.fromWgs84(CoordinateSystem.BD09.toWgs84(116.404, 39.915));
        assertThat(Distances.metres(gcjFromBd, new LngLat(116.39762729119315, 39.90865673957631))).isLessThan(TWO_METRES);
    }

    /**
     * WGS84 / GCJ-02 / BD-09 triplets for the three north-easternmost cities in the fixture
     * test/fixtures/china-cities.json of hujiulong/gcoord (Shenyang, Liaoyang, Xilinhot; "coords" WGS84, GCJ02,
     * BD09 as [lng, lat]). Its values are rounded to 7 decimals and sit about half a metre from the formula,
     * which the 2 m tolerance absorbs. (The BD-09 pairs in eviltransform's python/test.py were not used: they
     * are 10-40 m from that library's own formula, apparently taken from Baidu's online service.)
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "shenyang, 123.4253306, 41.8032629, 123.4314787, 41.8057023, 123.438095,  41.8114013",
        "liaoyang, 123.2312099, 41.2651725, 123.2369518, 41.2672464, 123.2433178, 41.2736074",
        "xilinhot, 116.0414035, 43.9312805, 116.0482308, 43.9334573, 116.0546232, 43.9397782"
    })
    void matchesGcoordCityFixture(String city, double wgsLng, double wgsLat, double gcjLng, double gcjLat,
            double bdLng, double bdLat) {
        LngLat wgs = new LngLat(wgsLng, wgsLat);
        assertThat(Distances.metres(CoordinateSystem.GCJ02.fromWgs84(wgs), new LngLat(gcjLng, gcjLat))).isLessThan(TWO_METRES);
        assertThat(Distances.metres(CoordinateSystem.BD09.fromWgs84(wgs), new LngLat(bdLng, bdLat))).isLessThan(TWO_METRES);
        assertThat(Distances.metres(CoordinateSystem.GCJ02.toWgs84(gcjLng, gcjLat), wgs)).isLessThan(TWO_METRES);
        assertThat(Distances.metres(CoordinateSystem.BD09.toWgs84(bdLng, bdLat), wgs)).isLessThan(TWO_METRES);
    }

    /**
     * From hujiulong/gcoord test/unit/crs/BD09.spec.ts: BD-09 [123, 45] is GCJ-02 [122.99363304, 44.99365430]
     * and WGS84 [122.98762210, 44.99171540], a point at Jiamusi's latitude.
     */
    @Test
    void matchesGcoordBaiduSpecAt45North() {
        LngLat wgs = CoordinateSystem.BD09.toWgs84(123, 45);
        assertThat(Distances.metres(wgs, new LngLat(122.98762210, 44.99171540))).isLessThan(TWO_METRES);
        LngLat gcj = CoordinateSystem.GCJ02.fromWgs84(wgs);
        assertThat(Distances.metres(gcj, new LngLat(122.99363304, 44.99365430))).isLessThan(TWO_METRES);
    }

    @Test
    void roundTripsRandomPointsInJiamusiToWithinAMillimetre() {
        Random random = new Random(20240601);
        for (int i = 0; i < 10_000; i++) {
            double lng = 129.5 + 5.0 * random.nextDouble();
            double lat = 45.8 + 2.7 * random.nextDouble();
            for (CoordinateSystem system : CoordinateSystem.values()) {
                LngLat shown = system.fromWgs84(lng, lat);
                LngLat back = system.toWgs84(shown);
                assertThat(Distances.metres(back, new LngLat(lng, lat)))
                        .as("%s round trip at %s, %s", system, lng, lat)
                        .isLessThan(0.001);
            }
        }
    }

    @Test
    void shiftsJiamusiByTheUsualFewHundredMetres() {
        // Sanity check of magnitude near the city centre: GCJ-02 moves points by a few hundred metres.
        LngLat centre = new LngLat(130.32, 46.80);
        double gcjShift = Distances.metres(CoordinateSystem.GCJ02.fromWgs84(centre), centre);
        double bdShift = Distances.metres(CoordinateSystem.BD09.fromWgs84(centre), centre);
        assertThat(gcjShift).isBetween(100.0, 1_000.0);
        assertThat(bdShift).isBetween(gcjShift, 2_000.0);
    }

    @Test
    void leavesPointsOutsideChinaUnchanged() {
        for (CoordinateSystem system : CoordinateSystem.values()) {
            assertThat(system.fromWgs84(2.3522, 48.8566)).isEqualTo(new LngLat(2.3522, 48.8566));
            assertThat(system.toWgs84(-74.006, 40.7128)).isEqualTo(new LngLat(-74.006, 40.7128));
        }
    }

    @ParameterizedTest
    @CsvSource({"wgs84, WGS84", "WGS84, WGS84", "Gcj02, GCJ02", "gcj-02, GCJ02", " bd09 , BD09", "BD-09, BD09"})
    void parsesNamesIgnoringCase(String text, CoordinateSystem expected) {
        assertThat(CoordinateSystem.parse(text)).isEqualTo(expected);
    }

    @Test
    void rejectsUnknownNamesListingTheAcceptedOnes() {
        assertThatThrownBy(() -> CoordinateSystem.parse("epsg:3857"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wgs84, gcj02, bd09");
        assertThatThrownBy(() -> CoordinateSystem.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
