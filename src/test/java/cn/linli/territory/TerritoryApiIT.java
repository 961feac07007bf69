package cn.linli.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.shared.DivisionLevel;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The territory API on the demo city, as a city administrator and as a street's staff would use it. */
@IntegrationTest
class TerritoryApiIT {

    @Autowired MockMvc mvc;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired UserAccounts accounts;

    RequestPostProcessor as(String username) {
        return SignedIn.as(accounts, username);
    }

    @Test
    void demoCityHasTheOfficialUnitsOf2023() {
        DivisionTree tree = territory.tree(null);
        long city = tree.findByCode("230800000000").orElseThrow().id();
        java.util.Map<DivisionLevel, Long> counts = tree.descendants(city).stream()
                .collect(java.util.stream.Collectors.groupingBy(Division::level, java.util.stream.Collectors.counting()));
        assertThat(counts.get(DivisionLevel.COUNTY)).isEqualTo(10);
        assertThat(counts.get(DivisionLevel.TOWNSHIP)).isEqualTo(138);
        assertThat(counts.get(DivisionLevel.COMMUNITY)).isEqualTo(1529);
        assertThat(counts.get(DivisionLevel.GRID)).isBetween(2500L, 2750L);
    }

    @Test
    void locatesAPointInsideAGridToTheGridAndAllUnitsAbove() throws Exception {
        DivisionTree tree = territory.tree(null);
        Division grid = tree.findByCode("230804007001001").orElseThrow();
        Point inside = boundaries.loadAll().stream().filter(b -> b.unitId() == grid.id() && b.validTo() == null)
                .findFirst().orElseThrow().geometry().getInteriorPoint();
        mvc.perform(get("/api/territory/locate").param("lng", "" + inside.getX()).param("lat", "" + inside.getY()).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outside").value(false))
                .andExpect(jsonPath("$.units[0].name").value("佳木斯市"))
                .andExpect(jsonPath("$.units[1].name").value("前进区"))
                .andExpect(jsonPath("$.units[2].name").value("永安街道"))
                .andExpect(jsonPath("$.units[3].name").value("永安社区"))
                .andExpect(jsonPath("$.units[4].code").value("230804007001001"));
    }

    @Test
    void aPointOutsideTheCityIsSaidToBeOutside() throws Exception {
        mvc.perform(get("/api/territory/locate").param("lng", "116.397").param("lat", "39.909").with(as("admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outside").value(true));
    }

    @Test
    void badCoordinatesAndDatesNameTheFieldInTheUsersLanguage() throws Exception {
        mvc.perform(get("/api/territory/locate").param("lng", "130.3").param("lat", "abc").with(as("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lat"))
                .andExpect(jsonPath("$.message").value(containsString("坐标")));
        mvc.perform(get("/api/territory/locate").param("lng", "200").param("lat", "46").param("lang", "en").with(as("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lng"));
        mvc.perform(get("/api/territory/locate").param("lng", "130.3").param("lat", "46.8").param("crs", "utm").with(as("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("crs"));
        mvc.perform(get("/api/territory/tree").param("date", "2001-01-01").with(as("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("date"));
        mvc.perform(get("/api/territory/tree").param("date", "2023-13-45").with(as("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("date"));
    }

    @Test
    void theTreeAsOf2016ShowsQianjinWithoutStreets() throws Exception {
        DivisionTree in2016 = territory.tree(java.time.LocalDate.of(2016, 8, 1));
        Division qianjin = in2016.findByCode("230804000000").orElseThrow();
        assertThat(in2016.children(qianjin.id())).extracting(d -> d.code().value()).contains("230804198000");
        Division yongan2016 = in2016.findByCode("230804198001").orElseThrow();
        Division yongan2023 = territory.tree(null).findByCode("230804007001").orElseThrow();
        assertThat(yongan2023.id()).isEqualTo(yongan2016.id());
        mvc.perform(get("/api/territory/units/" + yongan2016.id() + "/history").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periods[0].code").value("230804198001"))
                .andExpect(jsonPath("$.periods[1].code").value("230804007001"));
    }

    @Test
    void streetStaffSeeOnlyTheirStreet() throws Exception {
        Division yongan = territory.tree(null).findByCode("230804007001").orElseThrow();
        Division otherDistrict = territory.tree(null).findByCode("230803000000").orElseThrow();
        mvc.perform(get("/api/territory/units/" + yongan.id()).with(as("yongan")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unit.name").value("永安社区"));
        mvc.perform(get("/api/territory/units/" + otherDistrict.id()).with(as("yongan")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/territory/search").param("q", "向阳").with(as("yongan")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }
}
