package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

/**
 * Turns the division tree into the layout tree: classifies the county-level units, draws every community's
 * households and grids, and calibrates the rural land so that the city covers its real area (~32,000 km²).
 * Urban land keeps its drawn size, so the core districts stay tens of km² whatever the calibration does.
 */
final class UnitTree {

    static final double CITY_AREA = 32_000;
    private static final double REMOTENESS_DISTANCE = 180;

    private UnitTree() {
    }

    static LayoutUnit build(DemoNode city, LocalPlane plane, long seed) {
        require(city, DivisionLevel.CITY);
        LayoutUnit root = new LayoutUnit(city, city.code(), DivisionLevel.CITY, null);
        String suburb = suburbCode(city);
        List<LayoutUnit> elastic = new ArrayList<>();
        double fixed = 0;
        for (DemoNode county : city.children()) {
            require(county, DivisionLevel.COUNTY);
            if (county.children().isEmpty()) {
                throw new IllegalArgumentException("county without townships: " + county.code());
            }
            CountySetting setting = setting(county, suburb, plane);
            LayoutUnit countyUnit = new LayoutUnit(county, county.code(), DivisionLevel.COUNTY, root);
            countyUnit.setting = setting;
            for (DemoNode township : county.children()) {
                require(township, DivisionLevel.TOWNSHIP);
                LayoutUnit townshipUnit = new LayoutUnit(township, township.code(), DivisionLevel.TOWNSHIP, countyUnit);
                if (township.children().isEmpty()) {
                    townshipUnit.targetArea = 20 * setting.remoteness();
                    elastic.add(townshipUnit);
                }
                for (DemoNode community : township.children()) {
                    require(community, DivisionLevel.COMMUNITY);
                    CommunityProfile profile = CommunityProfile.draw(community.code(), setting, seed);
                    LayoutUnit unit = new LayoutUnit(community, community.code(), DivisionLevel.COMMUNITY, townshipUnit);
                    unit.urban = profile.urban();
                    unit.targetArea = profile.targetArea();
                    unit.households = profile.households();
                    List<Integer> grids = profile.gridHouseholds();
                    for (int g = 0; g < grids.size(); g++) {
                        LayoutUnit grid = new LayoutUnit(null, community.code() + "#" + g, DivisionLevel.GRID, unit);
                        grid.households = grids.get(g);
                        grid.urban = profile.urban();
                    }
                    if (profile.urban() || setting.kind() == CountySetting.Kind.CORE_DISTRICT) {
                        fixed += unit.targetArea;
                    } else {
                        elastic.add(unit);
                    }
                }
            }
        }
        double elasticArea = elastic.stream().mapToDouble(u -> u.targetArea).sum();
        double factor = elasticArea > 0 ? Math.max(0.1, (CITY_AREA - fixed) / elasticArea) : 1;
        elastic.forEach(u -> u.targetArea *= factor);
        sumUp(root);
        return root;
    }

    private static void require(DemoNode node, DivisionLevel level) {
        if (node.level() != level) {
            throw new IllegalArgumentException(node.code() + " is a " + node.level() + ", expected a " + level);
        }
    }

    private static double sumUp(LayoutUnit unit) {
        if (unit.level == DivisionLevel.COMMUNITY || unit.children.isEmpty()) {
            return unit.targetArea;
        }
        unit.targetArea = 0;
        for (LayoutUnit child : unit.children) {
            unit.targetArea += sumUp(child);
        }
        return unit.targetArea;
    }

    /** The district (county digits 01–20) with the most villages: the suburb around the urban core. */
    private static String suburbCode(DemoNode city) {
        String best = null;
        long most = 0;
        for (DemoNode county : city.children()) {
            if (!isDistrict(county)) {
                continue;
            }
            long villages = county.children().stream().flatMap(t -> t.children().stream())
                    .filter(c -> DivisionCode.of(c.code()).villageDigits() >= 200).count();
            if (villages > most) {
                most = villages;
                best = county.code();
            }
        }
        return best;
    }

    private static boolean isDistrict(DemoNode county) {
        int digits = Integer.parseInt(county.code().substring(4, 6));
        return digits >= 1 && digits <= 20;
    }

    private static CountySetting setting(DemoNode county, String suburb, LocalPlane plane) {
        CountySetting.Kind kind = !isDistrict(county) ? CountySetting.Kind.RURAL_COUNTY
                : county.code().equals(suburb) ? CountySetting.Kind.SUBURB_DISTRICT : CountySetting.Kind.CORE_DISTRICT;
        PlanePoint centre = centreOf(county, plane);
        double remoteness = centre == null ? 1.5
                : Math.min(3, 1 + centre.distanceTo(new PlanePoint(0, 0)) / REMOTENESS_DISTANCE);
        return new CountySetting(kind, remoteness);
    }

    private static PlanePoint centreOf(DemoNode county, LocalPlane plane) {
        if (county.hasCentre()) {
            return plane.toPlane(county.lng(), county.lat());
        }
        List<PlanePoint> points = new ArrayList<>();
        county.children().forEach(t -> {
            if (t.hasCentre()) {
                points.add(plane.toPlane(t.lng(), t.lat()));
            }
        });
        if (points.isEmpty()) {
            return null;
        }
        return new PlanePoint(points.stream().mapToDouble(PlanePoint::x).average().orElseThrow(),
                points.stream().mapToDouble(PlanePoint::y).average().orElseThrow());
    }
}
