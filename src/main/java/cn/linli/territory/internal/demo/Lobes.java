package cn.linli.territory.internal.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits each layout unit into lobes, convex cells of its own, so that a county can take the bent shape its
 * towns' real points call for: Jiamusi's 汤原县 arcs round the north of the suburb, whose 大来镇 lies right next
 * to 汤原's seat, and no convex county could hold both counties' towns. Townships whose points (or their
 * villages' points) lie close together form one lobe, the one holding the seat and the urban core is the main
 * lobe and takes every township without a known place. A lobe that ends up cut off from the rest of its county
 * joins its nearest lobe that is not, and the layout is repeated; one lobe per county is convex and always
 * whole, so this ends. A lobe swollen far beyond its size by its points is let loose of them and the layout is
 * repeated too; each round either joins two lobes or lets one more loose, so this ends as well.
 */
final class Lobes {

    /** Townships (km apart) whose points are closer than this are laid out together. */
    private static final double LINK = 11;
    /** Lobes joined by less border than this (km) count as apart, as with the seas. */
    private static final double MIN_SHARED_BORDER = 3;
    /** A lobe at more than this many times its townships' area has been blown up by its neighbours' anchors. */
    private static final double SWOLLEN = 2;
    /** A lobe is let loose only where its whole unit came out this much larger than its townships' area. */
    private static final double OVERSIZED = 1.2;

    private Lobes() {
    }

    static List<TownshipLayout.Lobe> of(List<TownshipLayout.County> counties, List<List<Integer>> units) {
        List<TownshipLayout.Lobe> lobes = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            List<Integer> unit = units.get(u);
            List<TownshipLayout.Township> placed = new ArrayList<>();
            List<TownshipLayout.Township> main = new ArrayList<>();
            List<PlanePoint> seats = new ArrayList<>();
            for (int c : unit) {
                TownshipLayout.County county = counties.get(c);
                if (county.point() != null) {
                    seats.add(county.point());
                }
                for (TownshipLayout.Township t : county.townships()) {
                    if (county.core() || position(t) == null) {
                        main.add(t);
                    } else {
                        placed.add(t);
                    }
                }
            }
            // single linkage from the seats: whatever is reachable in steps shorter than LINK is the main lobe
            int n = placed.size();
            int[] cluster = new int[n];
            Arrays.fill(cluster, -1);
            List<List<TownshipLayout.Township>> others = new ArrayList<>();
            spread(placed, cluster, seats, 0);
            for (int t = 0; t < n; t++) {
                if (cluster[t] < 0) {
                    spread(placed, cluster, List.of(position(placed.get(t))), others.size() + 1);
                    others.add(new ArrayList<>());
                }
            }
            for (int t = 0; t < n; t++) {
                (cluster[t] == 0 ? main : others.get(cluster[t] - 1)).add(placed.get(t));
            }
            if (main.isEmpty() && !others.isEmpty()) {
                main.addAll(others.remove(0));
            }
            lobes.add(new TownshipLayout.Lobe(u, unit, main, true));
            for (List<TownshipLayout.Township> other : others) {
                lobes.add(new TownshipLayout.Lobe(u, countiesOf(counties, unit, other), other, false));
            }
        }
        return lobes;
    }

    private static void spread(List<TownshipLayout.Township> placed, int[] cluster, List<PlanePoint> from, int label) {
        ArrayDeque<PlanePoint> queue = new ArrayDeque<>(from);
        while (!queue.isEmpty()) {
            PlanePoint p = queue.poll();
            for (int t = 0; t < placed.size(); t++) {
                if (cluster[t] < 0 && position(placed.get(t)).distanceTo(p) < LINK) {
                    cluster[t] = label;
                    queue.add(position(placed.get(t)));
                }
            }
        }
    }

    private static PlanePoint position(TownshipLayout.Township t) {
        return t.point() != null ? t.point() : t.hint();
    }

    private static List<Integer> countiesOf(List<TownshipLayout.County> counties, List<Integer> unit,
            List<TownshipLayout.Township> townships) {
        return unit.stream().filter(c -> counties.get(c).townships().stream()
                .anyMatch(t -> townships.stream().anyMatch(x -> x == t))).toList();
    }

    /**
     * The lobes with every lobe cut off from its unit's main lobe joined to the nearest lobe that is not;
     * null when every unit is whole.
     */
    static List<TownshipLayout.Lobe> joinDetached(List<TownshipLayout.Lobe> lobes, List<ConvexPolygon> cells) {
        int n = lobes.size();
        int[] component = new int[n];
        Arrays.fill(component, -1);
        for (int start = 0; start < n; start++) {
            if (!lobes.get(start).main()) {
                continue;
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            component[start] = start;
            while (!queue.isEmpty()) {
                ConvexPolygon cell = cells.get(queue.poll());
                for (int e = 0; e < cell.size(); e++) {
                    int j = cell.label(e);
                    if (j >= 0 && j < n && component[j] < 0 && lobes.get(j).unit() == lobes.get(start).unit()
                            && edgeLength(cell, e) >= MIN_SHARED_BORDER) {
                        component[j] = start;
                        queue.add(j);
                    }
                }
            }
        }
        List<TownshipLayout.Lobe> result = new ArrayList<>(lobes);
        boolean changed = false;
        // the farthest-out detached lobe first: joining it may well reconnect the others
        for (int l = n - 1; l >= 0; l--) {
            if (component[l] >= 0) {
                continue;
            }
            int best = -1;
            PlanePoint c = cells.get(l).centroid();
            for (int k = 0; k < n; k++) {
                if (k != l && result.get(k) != null && lobes.get(k).unit() == lobes.get(l).unit()
                        && (best < 0 || cells.get(k).centroid().distanceTo(c) < cells.get(best).centroid().distanceTo(c))) {
                    best = k;
                }
            }
            result.set(best, merged(result.get(best), result.get(l)));
            result.set(l, null);
            changed = true;
        }
        if (!changed) {
            return null;
        }
        result.removeIf(x -> x == null);
        return result;
    }

    /**
     * The lobes with the most swollen one let loose, or null when none is swollen: a lobe whose cell came out
     * several times its townships' area is held there by its towns' points, pinned to a neighbour's border,
     * and its county gets far too much land. Let loose, it keeps its place roughly but no longer holds its
     * points, which its county's other lobes and its neighbours may then take: a town's point given up for
     * its county's size. The main lobe, with the seat, is never let loose.
     */
    static List<TownshipLayout.Lobe> loosenSwollen(List<TownshipLayout.Lobe> lobes, List<ConvexPolygon> cells) {
        int units = lobes.stream().mapToInt(TownshipLayout.Lobe::unit).max().orElse(-1) + 1;
        double[] unitArea = new double[units];
        double[] unitTarget = new double[units];
        for (int l = 0; l < lobes.size(); l++) {
            unitArea[lobes.get(l).unit()] += cells.get(l).area();
            unitTarget[lobes.get(l).unit()] += target(lobes.get(l));
        }
        int worst = -1;
        double worstRatio = SWOLLEN;
        for (int l = 0; l < lobes.size(); l++) {
            TownshipLayout.Lobe lobe = lobes.get(l);
            double ratio = cells.get(l).area() / target(lobe);
            if (!lobe.main() && !lobe.loose() && ratio > worstRatio
                    && unitArea[lobe.unit()] > OVERSIZED * unitTarget[lobe.unit()]) {
                worst = l;
                worstRatio = ratio;
            }
        }
        if (worst < 0) {
            return null;
        }
        List<TownshipLayout.Lobe> result = new ArrayList<>(lobes);
        TownshipLayout.Lobe lobe = lobes.get(worst);
        result.set(worst, new TownshipLayout.Lobe(lobe.unit(), lobe.counties(), lobe.townships(), false, true));
        return result;
    }

    private static double target(TownshipLayout.Lobe lobe) {
        return lobe.townships().stream().mapToDouble(TownshipLayout.Township::targetArea).sum();
    }

    private static TownshipLayout.Lobe merged(TownshipLayout.Lobe into, TownshipLayout.Lobe lobe) {
        List<TownshipLayout.Township> townships = new ArrayList<>(into.townships());
        townships.addAll(lobe.townships());
        List<Integer> unitCounties = new ArrayList<>(into.counties());
        lobe.counties().stream().filter(x -> !unitCounties.contains(x)).forEach(unitCounties::add);
        unitCounties.sort(null);
        return new TownshipLayout.Lobe(into.unit(), unitCounties, townships, into.main(), into.loose());
    }

    private static double edgeLength(ConvexPolygon cell, int e) {
        int f = e + 1 == cell.size() ? 0 : e + 1;
        return length(cell.x(f) - cell.x(e), cell.y(f) - cell.y(e));
    }

    /** Math.hypot may differ between JVMs in the last bit; a square root may not, and the city must not. */
    private static double length(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }
}
