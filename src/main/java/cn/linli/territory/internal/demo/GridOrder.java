package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Numbers a community's grids the way one reads a map: rows from north to south, within a row from west to
 * east. A row gathers the grids whose centres lie within about half a grid's height below the northernmost
 * grid not yet numbered.
 */
final class GridOrder {

    private GridOrder() {
    }

    static List<DemoGrid> numbered(List<Polygon> outlines, List<Integer> households, double kmPerLng, double kmPerLat) {
        int n = outlines.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double area = 0;
        for (int g = 0; g < n; g++) {
            Point centre = outlines.get(g).getCentroid();
            xs[g] = centre.getX() * kmPerLng;
            ys[g] = centre.getY() * kmPerLat;
            area += outlines.get(g).getArea() * kmPerLng * kmPerLat;
        }
        double rowHeight = 0.6 * Math.sqrt(area / n);
        List<Integer> remaining = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            remaining.add(g);
        }
        remaining.sort(Comparator.comparingDouble((Integer g) -> -ys[g]).thenComparingDouble(g -> xs[g]));
        List<DemoGrid> grids = new ArrayList<>();
        while (!remaining.isEmpty()) {
            double top = ys[remaining.get(0)];
            List<Integer> row = new ArrayList<>();
            for (int g : remaining) {
                if (ys[g] >= top - rowHeight) {
                    row.add(g);
                }
            }
            remaining.removeAll(row);
            row.sort(Comparator.comparingDouble((Integer g) -> xs[g]).thenComparingDouble(g -> -ys[g]));
            for (int g : row) {
                grids.add(new DemoGrid(grids.size() + 1, outlines.get(g), households.get(g)));
            }
        }
        return grids;
    }
}
