package cn.linli.territory.internal.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * The generated boundaries of the demo city: one geometry per city, county, township and community
 * (keyed by {@link DemoNode#code()}), and the grids of every community (keyed by community code).
 * Children tile their parent exactly and the grids tile the whole city. Both maps iterate in tree order,
 * so whatever a caller derives from them is as reproducible as the geometry itself.
 */
public record DemoGeography(Map<String, Geometry> boundaries, Map<String, List<DemoGrid>> gridsByCommunity) {

    public DemoGeography {
        boundaries = Collections.unmodifiableMap(new LinkedHashMap<>(boundaries));
        Map<String, List<DemoGrid>> grids = new LinkedHashMap<>();
        gridsByCommunity.forEach((code, list) -> grids.put(code, List.copyOf(list)));
        gridsByCommunity = Collections.unmodifiableMap(grids);
    }
}
