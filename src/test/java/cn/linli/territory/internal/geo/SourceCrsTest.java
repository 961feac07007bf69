package cn.linli.territory.internal.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceCrsTest {

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:4553", "epsg:4553", "urn:ogc:def:crs:EPSG::4553", "urn:ogc:def:crs:EPSG:9.8.15:4553",
        "http://www.opengis.net/def/crs/EPSG/0/4553", " EPSG:4553 "})
    void readsGaussKrugerNames(String name) {
        assertThat(SourceCrs.fromName(name)).isEqualTo(SourceCrs.gaussKruger(4553));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:4326", "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:OGC:1.3:CRS84", "OGC:CRS84",
        "CRS84", "EPSG:4490", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"})
    void readsWgs84Names(String name) {
        assertThat(SourceCrs.fromName(name)).isEqualTo(SourceCrs.geographic(CoordinateSystem.WGS84));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:3857", "EPSG:4549x", "EPSG:", "urn:ogc:def:crs:EPSG::2385", "GCJ02", "", "EPSG:99999999999"})
    void rejectsEverythingElse(String name) {
        assertThatThrownBy(() -> SourceCrs.fromName(name)).isInstanceOf(UnsupportedCrsException.class);
    }
}
