package cn.linli.casework;

import java.util.concurrent.ThreadLocalRandom;

import org.locationtech.jts.geom.Point;

import cn.linli.access.internal.UserAccounts;
import cn.linli.organisation.Organisation;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;

/** The demo city's places, categories and units as the desk and board tests use them. */
record DeskFixtures(TerritoryQueries territory, BoundaryStore boundaries, Categories categories, Organisation organisation,
        UserAccounts accounts) {

    static final String GRID = "230804007001001";
    static final double METRES_PER_DEGREE_LAT = 111_195;

    long grid() {
        return territory.tree(null).findByCode(GRID).orElseThrow().id();
    }

    /** A point well inside the grid (its interior point). */
    GeoPoint inGrid() {
        long id = grid();
        Point p = boundaries.loadAll().stream().filter(b -> b.unitId() == id && b.validTo() == null).findFirst().orElseThrow()
                .geometry().getInteriorPoint();
        return new GeoPoint(p.getX(), p.getY());
    }

    static GeoPoint north(GeoPoint p, double metres) {
        return new GeoPoint(p.lng(), p.lat() + metres / METRES_PER_DEGREE_LAT);
    }

    String code(String name) {
        return categories.search(name, 1).get(0).category().code().value();
    }

    long unitOf(String username) {
        return organisation.unitsOf(accounts.findByUsername(username).orElseThrow().id()).get(0).id();
    }

    /** A mobile number no other test uses. */
    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    NewCase rubbish(GeoPoint point, Long place, String phone, String key) {
        return new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "楼下垃圾堆放多日无人清运，气味很大。", point, place,
                "前进区永安社区", "王女士", phone, false, false, false, code("暴露垃圾"), false, key);
    }
}
