package cn.linli.territory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.CurrentActor;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.GridStandard;
import cn.linli.territory.Location;
import cn.linli.territory.Locator;
import cn.linli.territory.TerritoryQueries;

/**
 * The locate endpoint as a web slice: parameters are parsed and converted here, before the locator is asked. The
 * locator itself is tested against brute force in {@code LocateIndexTest} and on the real city in the ITs; here it
 * is a stand-in that records the point it was asked for.
 */
@WebMvcTest(controllers = TerritoryApi.class)
@Import({TerritoryErrors.class, CurrentActor.class})
@WithMockUser
class LocateApiSliceTest {

    @Autowired MockMvc mvc;
    @MockitoBean Locator locator;
    @MockitoBean TerritoryQueries territory;
    @MockitoBean GridStandard gridStandard;

    @ParameterizedTest(name = "lng={0} lat={1} crs={2} date={3} -> field {4}")
    @CsvSource({
            "abc, 46.8, wgs84, , lng",
            "130.3, , wgs84, , lat",
            "130.3, 95, wgs84, , lat",
            "181, 46.8, wgs84, , lng",
            "NaN, 46.8, wgs84, , lng",
            "130.3, 46.8, utm, , crs",
            "130.3, 46.8, wgs84, 2024-13-01, date"})
    void badParametersNameTheirFieldAndNeverReachTheLocator(String lng, String lat, String crs, String date, String field) throws Exception {
        var request = get("/api/territory/locate").param("crs", crs);
        if (lng != null) request.param("lng", lng);
        if (lat != null) request.param("lat", lat);
        if (date != null) request.param("date", date);
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("null"))));
        verifyNoInteractions(locator);
    }

    @Test
    void aGcj02PointIsConvertedToWgs84BeforeLocating() throws Exception {
        AtomicReference<GeoPoint> asked = new AtomicReference<>();
        when(locator.locate(any(), any())).thenAnswer(call -> {
            asked.set(call.getArgument(0));
            return new Location(call.getArgument(0), LocalDate.of(2026, 1, 5), List.of());
        });
        // Reference pair from the published gcoord/coordtransform test values: WGS84 (116.404, 39.915) shows as
        // GCJ-02 (116.41024449916938, 39.91640428150164).
        mvc.perform(get("/api/territory/locate").param("lng", "116.41024449916938").param("lat", "39.91640428150164")
                        .param("crs", "gcj02").param("date", "2026-01-05"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outside").value(true))
                .andExpect(jsonPath("$.date").value("2026-01-05"));
        assertThat(asked.get().lng()).isCloseTo(116.404, org.assertj.core.data.Offset.offset(0.00002));
        assertThat(asked.get().lat()).isCloseTo(39.915, org.assertj.core.data.Offset.offset(0.00002));
    }
}
