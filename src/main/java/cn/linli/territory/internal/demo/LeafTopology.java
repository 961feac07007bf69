package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.kdtree.KdNode;
import org.locationtech.jts.index.kdtree.KdTree;

/**
 * The straight leaf cells as one planar map whose shared borders are shared exactly. Each cell was clipped
 * on its own, so a border computed from both sides differs in the last bits, and a cell does not know the
 * corners its neighbours put on their common edge. Here vertices closer than {@link #SNAP} merge into one,
 * and every vertex lying on another cell's edge is inserted into that edge. Afterwards both sides of every
 * border walk through the very same vertices, which is what lets each ring be bent on its own and still meet
 * its neighbours bit for bit.
 */
final class LeafTopology {

    /** Vertices this close (km) are one; the layout's own features are many orders of magnitude larger. */
    static final double SNAP = 1e-6;

    private final List<double[]> vertices = new ArrayList<>();
    private final int[][] rings;
    private final Map<Long, Integer> edgeOwner = new HashMap<>();

    LeafTopology(List<ConvexPolygon> cells) {
        KdTree tree = new KdTree(SNAP);
        List<int[]> raw = new ArrayList<>();
        for (ConvexPolygon cell : cells) {
            int[] ring = new int[cell.size()];
            int m = 0;
            for (int i = 0; i < cell.size(); i++) {
                int id = vertexId(tree, cell.x(i), cell.y(i));
                if (m == 0 || ring[m - 1] != id) {
                    ring[m++] = id;
                }
            }
            if (m > 1 && ring[m - 1] == ring[0]) {
                m--;
            }
            raw.add(java.util.Arrays.copyOf(ring, m));
        }
        rings = new int[raw.size()][];
        for (int leaf = 0; leaf < raw.size(); leaf++) {
            rings[leaf] = withEdgeVertices(tree, raw.get(leaf));
            int[] ring = rings[leaf];
            for (int i = 0; i < ring.length; i++) {
                edgeOwner.put(key(ring[i], ring[(i + 1) % ring.length]), leaf);
            }
        }
    }

    private int vertexId(KdTree tree, double x, double y) {
        Integer fresh = vertices.size();
        KdNode node = tree.insert(new Coordinate(x, y), fresh);
        if (node.getData() == fresh) {
            vertices.add(new double[] {x, y});
        }
        return (Integer) node.getData();
    }

    /** The ring with every foreign vertex that lies on one of its edges inserted in order along that edge. */
    private int[] withEdgeVertices(KdTree tree, int[] ring) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ring.length; i++) {
            int u = ring[i];
            int v = ring[(i + 1) % ring.length];
            out.add(u);
            double[] a = vertices.get(u);
            double[] b = vertices.get(v);
            double ex = b[0] - a[0];
            double ey = b[1] - a[1];
            double length2 = ex * ex + ey * ey;
            Envelope box = new Envelope(a[0], b[0], a[1], b[1]);
            box.expandBy(SNAP);
            List<double[]> onEdge = new ArrayList<>();
            for (Object found : tree.query(box)) {
                int w = (Integer) ((KdNode) found).getData();
                if (w == u || w == v || length2 == 0) {
                    continue;
                }
                double[] p = vertices.get(w);
                double t = ((p[0] - a[0]) * ex + (p[1] - a[1]) * ey) / length2;
                double cross = (p[0] - a[0]) * ey - (p[1] - a[1]) * ex;
                if (t > 0 && t < 1 && cross * cross <= SNAP * SNAP * length2) {
                    onEdge.add(new double[] {t, w});
                }
            }
            onEdge.sort((p, q) -> Double.compare(p[0], q[0]));
            onEdge.forEach(p -> out.add((int) p[1]));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    int[] ring(int leaf) {
        return rings[leaf];
    }

    double x(int vertex) {
        return vertices.get(vertex)[0];
    }

    double y(int vertex) {
        return vertices.get(vertex)[1];
    }

    /** The leaf on the other side of the edge from {@code u} to {@code v}, or -1 outside the city. */
    int neighbour(int u, int v) {
        return edgeOwner.getOrDefault(key(v, u), -1);
    }
}
