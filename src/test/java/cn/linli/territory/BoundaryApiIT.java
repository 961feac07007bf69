package cn.linli.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.linli.access.internal.UserAccounts;
import cn.linli.territory.internal.BoundaryCatalog;
import cn.linli.territory.internal.geo.BoundaryFeature;
import cn.linli.territory.internal.geo.GaussKrugerProjection;
import cn.linli.territory.internal.geo.GeoJsonWriter;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/** GeoJSON boundaries in and out, on the demo city's 永安社区: bad files change nothing, a good one is applied. */
@IntegrationTest
class BoundaryApiIT {

    private static final String COMMUNITY = "230804007001";
    private static final LocalDate IMPORT_DATE = LocalDate.of(2025, 1, 1);

    @Autowired MockMvc mvc;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryCatalog catalog;
    @Autowired Locator locator;
    @Autowired UserAccounts accounts;

    RequestPostProcessor as(String username) {
        return SignedIn.as(accounts, username);
    }

    Geometry current(String code) {
        Division unit = territory.tree(null).findByCode(code).orElseThrow();
        return catalog.of(unit.id(), LocalDate.now()).orElseThrow();
    }

    static String geojson(List<BoundaryFeature> features) {
        var out = new StringWriter();
        GeoJsonWriter.writeAll(features, out);
        return out.toString();
    }

    MockMultipartFile file(String content) {
        return new MockMultipartFile("file", "grids.geojson", "application/geo+json", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void exportsTheGridsOfAnAreaAsGeoJsonWithinTheJurisdiction() throws Exception {
        Envelope around = current(COMMUNITY).getEnvelopeInternal();
        String bbox = around.getMinX() + "," + around.getMinY() + "," + around.getMaxX() + "," + around.getMaxY();
        mvc.perform(get("/api/territory/boundaries/grid").param("bbox", bbox).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[*].properties.code", hasItem(COMMUNITY + "001")));
        mvc.perform(get("/api/territory/boundaries/county").with(as("yongan")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.features.length()").value(0));
        mvc.perform(get("/api/territory/boundaries/province").with(as("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("level"));
    }

    @Test
    void malformedOrOverlappingFilesAreRefusedAndChangeNothing() throws Exception {
        Geometry before = current(COMMUNITY + "001");
        mvc.perform(multipart("/api/territory/boundaries/grid").file(file("{\"type\": \"FeatureCollection\", \"features\": [")).param("date", IMPORT_DATE.toString())
                        .with(csrf()).with(as("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(1));
        Geometry grid2 = current(COMMUNITY + "002");
        String overlapping = geojson(List.of(new BoundaryFeature(COMMUNITY + "001", "一", grid2.buffer(0)),
                new BoundaryFeature(COMMUNITY + "002", "二", grid2)));
        mvc.perform(multipart("/api/territory/boundaries/grid").file(file(overlapping)).param("date", IMPORT_DATE.toString())
                        .with(csrf()).with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem(COMMUNITY + "001")));
        Geometry faraway = before.getFactory().toGeometry(new Envelope(120.0, 120.01, 30.0, 30.01));
        mvc.perform(multipart("/api/territory/boundaries/grid").file(file(geojson(List.of(new BoundaryFeature(COMMUNITY + "001", "一", faraway)))))
                        .param("date", IMPORT_DATE.toString()).with(csrf()).with(as("admin")))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/territory/boundaries/grid").file(file(geojson(List.of(new BoundaryFeature("230804007999001", "无", before)))))
                        .param("date", IMPORT_DATE.toString()).with(csrf()).with(as("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message", containsString("230804007999001")));
        mvc.perform(multipart("/api/territory/boundaries/grid").file(file(geojson(List.of(new BoundaryFeature(COMMUNITY + "001", "一", before)))))
                        .param("date", IMPORT_DATE.toString()).with(csrf()).with(as("yongan")))
                .andExpect(status().isForbidden());
        assertThat(current(COMMUNITY + "001").equalsExact(before)).isTrue();
    }

    @Test
    void aRedrawnPairOfGridsInGaussKrugerIsAppliedAndLocateFollowsIt() throws Exception {
        Geometry union = current(COMMUNITY + "001").union(current(COMMUNITY + "002"));
        Envelope extent = union.getEnvelopeInternal();
        double middle = (extent.getMinX() + extent.getMaxX()) / 2;
        Geometry west = union.intersection(union.getFactory().toGeometry(new Envelope(extent.getMinX() - 1, middle, extent.getMinY() - 1, extent.getMaxY() + 1)));
        Geometry east = union.intersection(union.getFactory().toGeometry(new Envelope(middle, extent.getMaxX() + 1, extent.getMinY() - 1, extent.getMaxY() + 1)));
        var zone43 = GaussKrugerProjection.forEpsg(4531);
        String file = geojson(List.of(new BoundaryFeature(COMMUNITY + "001", "西", toGaussKruger(west, zone43)),
                new BoundaryFeature(COMMUNITY + "002", "东", toGaussKruger(east, zone43))));
        file = file.replaceFirst("\\{", "{\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4531\"}},");
        mvc.perform(multipart("/api/territory/boundaries/grid").file(file(file)).param("date", IMPORT_DATE.toString())
                        .param("note", "网格调整").with(csrf()).with(as("admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.saved").value(2));
        var westPoint = west.getInteriorPoint();
        var eastPoint = east.getInteriorPoint();
        Map<String, Long> ids = Map.of("w", locator.locateGridId(westPoint.getX(), westPoint.getY(), LocalDate.now()),
                "e", locator.locateGridId(eastPoint.getX(), eastPoint.getY(), LocalDate.now()));
        assertThat(ids.get("w")).isEqualTo(territory.tree(null).findByCode(COMMUNITY + "001").orElseThrow().id());
        assertThat(ids.get("e")).isEqualTo(territory.tree(null).findByCode(COMMUNITY + "002").orElseThrow().id());
        assertThat(current(COMMUNITY + "001").getArea()).isCloseTo(west.getArea(), org.assertj.core.data.Percentage.withPercentage(0.01));
    }

    static Geometry toGaussKruger(Geometry wgs84, GaussKrugerProjection projection) {
        return new GeometryTransformer() {
            @Override
            protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
                    org.locationtech.jts.geom.CoordinateSequence coords, Geometry parent) {
                Coordinate[] out = new Coordinate[coords.size()];
                for (int i = 0; i < coords.size(); i++) {
                    var en = projection.fromWgs84(coords.getX(i), coords.getY(i));
                    out[i] = new Coordinate(en.easting(), en.northing());
                }
                return factory.getCoordinateSequenceFactory().create(out);
            }
        }.transform(wgs84);
    }
}
