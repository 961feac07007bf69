package cn.linli.territory.internal.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the sea patches that spoil the city's outline: a sea enclosed by land would leave a hole, a sea
 * between two parts of the land would split the city, and a sea squeezed out altogether has no place. Such
 * seas are dropped and their area goes to the others.
 */
final class MisplacedSeas {

    /** Counties joined by less border than this (km) would look, and after bending could be, disconnected. */
    private static final double MIN_SHARED_BORDER = 3;

    private final List<ConvexPolygon> cells;
    private final int land;
    private final List<OpenLand.Sea> seas;

    /** @param cells the land cells first ({@code land} of them), then one cell per sea */
    MisplacedSeas(List<ConvexPolygon> cells, int land, List<OpenLand.Sea> seas) {
        this.cells = cells;
        this.land = land;
        this.seas = seas;
    }

    List<OpenLand.Sea> find() {
        int[] component = landComponents();
        int main = mainComponent(component);
        List<OpenLand.Sea> misplaced = new ArrayList<>();
        for (int s = 0; s < seas.size(); s++) {
            ConvexPolygon cell = cells.get(land + s);
            if (!touchesOpenWater(cell) || touchesOtherThan(cell, component, main)) {
                misplaced.add(seas.get(s));
            }
        }
        return misplaced;
    }

    static List<OpenLand.Sea> withoutThem(List<OpenLand.Sea> seas, List<OpenLand.Sea> misplaced) {
        double freed = misplaced.stream().mapToDouble(OpenLand.Sea::area).sum();
        double kept = seas.stream().filter(s -> !misplaced.contains(s)).mapToDouble(OpenLand.Sea::area).sum();
        List<OpenLand.Sea> result = new ArrayList<>();
        if (kept <= 0) {
            // no sea left to take the area: the city then fills its whole domain
            return result;
        }
        for (OpenLand.Sea sea : seas) {
            if (!misplaced.contains(sea)) {
                result.add(new OpenLand.Sea(sea.site(), sea.area() * (kept + freed) / kept));
            }
        }
        return result;
    }

    /** Connected groups of land cells, joined where they share enough border. */
    private int[] landComponents() {
        int[] component = new int[land];
        Arrays.fill(component, -1);
        for (int start = 0; start < land; start++) {
            if (component[start] >= 0) {
                continue;
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            component[start] = start;
            while (!queue.isEmpty()) {
                ConvexPolygon cell = cells.get(queue.poll());
                for (int e = 0; e < cell.size(); e++) {
                    int j = cell.label(e);
                    if (j >= 0 && j < land && component[j] < 0 && edgeLength(cell, e) >= MIN_SHARED_BORDER) {
                        component[j] = start;
                        queue.add(j);
                    }
                }
            }
        }
        return component;
    }

    private int mainComponent(int[] component) {
        double[] area = new double[land];
        int main = 0;
        for (int u = 0; u < land; u++) {
            area[component[u]] += cells.get(u).area();
            main = area[component[u]] > area[main] ? component[u] : main;
        }
        return main;
    }

    private static double edgeLength(ConvexPolygon cell, int e) {
        int f = e + 1 == cell.size() ? 0 : e + 1;
        double dx = cell.x(f) - cell.x(e);
        double dy = cell.y(f) - cell.y(e);
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Whether a sea borders land cut off from the main part of the city: that sea splits the city. */
    private boolean touchesOtherThan(ConvexPolygon cell, int[] component, int main) {
        for (int e = 0; cell != null && e < cell.size(); e++) {
            int j = cell.label(e);
            if (j >= 0 && j < land && component[j] != main) {
                return true;
            }
        }
        return false;
    }

    /** Whether a sea cell reaches the domain's edge or another sea; an empty sea does not. */
    private boolean touchesOpenWater(ConvexPolygon cell) {
        for (int e = 0; cell != null && e < cell.size(); e++) {
            if (cell.label(e) == ConvexPolygon.OUTER || cell.label(e) >= land) {
                return true;
            }
        }
        return false;
    }
}
