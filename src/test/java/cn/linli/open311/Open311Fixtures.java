package cn.linli.open311;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.locationtech.jts.geom.Point;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.linli.access.internal.UserAccounts;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;

/** Keys, places and forms of the demo city as the Open311 tests use them. */
record Open311Fixtures(Open311Clients clients, UserAccounts accounts, TerritoryQueries territory, BoundaryStore boundaries) {

    static final String GRID = "230804007001001";
    static final String RUBBISH = "SJ0102";

    /** A fresh key of a new client application, issued by the city administrator. */
    String key(int perMinute) {
        return clients.issue(accounts.findByUsername("admin").orElseThrow().toActor(), "app-" + UUID.randomUUID(), perMinute).key();
    }

    /** A point well inside the demo grid. */
    GeoPoint inGrid() {
        long id = territory.tree(null).findByCode(GRID).orElseThrow().id();
        Point p = boundaries.loadAll().stream().filter(b -> b.unitId() == id && b.validTo() == null).findFirst().orElseThrow()
                .geometry().getInteriorPoint();
        return new GeoPoint(p.getX(), p.getY());
    }

    /**
     * A complete rubbish report at the grid, as a client would post it; {@code changes} are name/value pairs that
     * replace the form's values (an empty value removes the parameter).
     */
    MockHttpServletRequestBuilder rubbish(String format, String key, String description, String... changes) {
        GeoPoint p = inGrid();
        Map<String, String[]> form = new LinkedHashMap<>();
        form.put("api_key", new String[] {key});
        form.put("service_code", new String[] {RUBBISH});
        form.put("lat", new String[] {String.valueOf(p.lat())});
        form.put("long", new String[] {String.valueOf(p.lng())});
        form.put("description", new String[] {description});
        form.put("attribute[AMOUNT]", new String[] {"cart"});
        form.put("attribute[KINDS][]", new String[] {"household", "bulky"});
        form.put("attribute[FMS_EXTRA]", new String[] {"ignored"});
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1].isEmpty()) form.remove(changes[i]);
            else form.put(changes[i], new String[] {changes[i + 1]});
        }
        MockHttpServletRequestBuilder request = post("/open311/v2/requests." + format)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.forEach(request::param);
        return request;
    }
}
