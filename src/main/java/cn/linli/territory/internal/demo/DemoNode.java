package cn.linli.territory.internal.demo;

import java.util.List;
import java.util.Objects;

import cn.linli.shared.DivisionLevel;

/**
 * One division of the demo city as the geometry generator sees it: city, county, township or community,
 * with its children. {@code lng}/{@code lat} (WGS84) are the unit's real centre point when one is known,
 * otherwise {@code null}; the generated boundary is laid out so that it contains that point.
 */
public record DemoNode(String code, DivisionLevel level, String name, Double lng, Double lat, List<DemoNode> children) {

    public DemoNode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        if ((lng == null) != (lat == null)) {
            throw new IllegalArgumentException("a centre point needs both lng and lat: " + code);
        }
        children = children == null ? List.of() : List.copyOf(children);
    }

    boolean hasCentre() {
        return lng != null;
    }
}
