package cn.linli.territory.web;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.CurrentActor;
import cn.linli.territory.Boundaries;

/**
 * The boundary endpoints as a web slice: a bad level, coordinate system or bounding box is refused with its field
 * before the boundary store is touched.
 */
@WebMvcTest(controllers = BoundaryApi.class)
@Import({TerritoryErrors.class, TerritoryMessages.class, CurrentActor.class})
@WithMockUser
class BoundaryApiSliceTest {

    @Autowired MockMvc mvc;
    @MockitoBean Boundaries boundaries;

    @ParameterizedTest(name = "{0} crs={1} bbox={2} -> {3}")
    @CsvSource({
            "province, wgs84, , level",
            "grid, mercator, , crs",
            "grid, wgs84, '130,46,131', bbox",
            "grid, wgs84, '131,46,130,47', bbox",
            "grid, wgs84, '130,46,131,x', bbox"})
    void badExportParametersNameTheirField(String level, String crs, String bbox, String field) throws Exception {
        var request = get("/api/territory/boundaries/" + level).param("crs", crs);
        if (bbox != null) request.param("bbox", bbox);
        mvc.perform(request).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(field));
        verifyNoInteractions(boundaries);
    }
}
