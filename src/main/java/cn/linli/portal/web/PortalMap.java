package cn.linli.portal.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.access.Jurisdiction;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Boundaries;
import cn.linli.territory.MapSettings;

/**
 * The outline of the city's districts for the report map, so that a resident can find their place with no tile server
 * (the configured base map, if any, is drawn under it). District boundaries are public information.
 */
@RestController
class PortalMap {

    private final Boundaries boundaries;
    private final MapSettings map;

    PortalMap(Boundaries boundaries, MapSettings map) {
        this.boundaries = boundaries;
        this.map = map;
    }

    @GetMapping("/portal/map/districts")
    void districts(HttpServletResponse response) throws IOException {
        response.setContentType("application/geo+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=3600");
        boundaries.export(DivisionLevel.COUNTY, null, Jurisdiction.wholeCity(), null, "gcj02".equals(map.tileCrs()),
                response.getOutputStream());
    }
}
