package cn.linli.territory.internal.demo;

import org.locationtech.jts.geom.Polygon;

/**
 * A generated grid (网格) of a community: its sequence within the community (1, 2, 3 … reading the map
 * from west to east, north to south), its boundary and its number of households.
 */
public record DemoGrid(int sequence, Polygon boundary, int households) {
}
