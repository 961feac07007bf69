package cn.linli.territory.internal.demo;

/**
 * Bends the borders between a unit's children while leaving the unit's own border fixed: noise scaled to
 * the children's size, faded out towards the unit's border. Because the fade reaches exactly zero on the
 * border, neighbouring units can each use their own scale and the results still meet edge to edge.
 */
final class CellWarp implements PlaneWarp {

    /** Points this close to the border (km) count as on it, so rounding noise cannot make neighbours disagree. */
    private static final double ON_BORDER = 1e-5;
    private static final double SLOPE_PER_OCTAVE = 0.2;

    private final double[] normalX;
    private final double[] normalY;
    private final double[] offset;
    private static final int PASSES = 4;

    private final NoiseOctaves[] passes = new NoiseOctaves[PASSES];
    private final double fadeLength;

    /** @param scale typical size of the unit's children, km */
    CellWarp(ConvexPolygon cell, double scale, long seed) {
        int n = cell.size();
        normalX = new double[n];
        normalY = new double[n];
        offset = new double[n];
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            double ex = cell.x(j) - cell.x(i);
            double ey = cell.y(j) - cell.y(i);
            double length = Math.sqrt(ex * ex + ey * ey);
            if (length < 1e-12) {
                offset[i] = Double.POSITIVE_INFINITY;
                continue;
            }
            normalX[i] = -ey / length;
            normalY[i] = ex / length;
            offset[i] = normalX[i] * cell.x(i) + normalY[i] * cell.y(i);
        }
        fadeLength = scale;
        for (int p = 0; p < PASSES; p++) {
            passes[p] = NoiseOctaves.withSlope(Seeds.mix(seed, p + 1), SLOPE_PER_OCTAVE, 2 * scale, scale, scale / 2);
            if (passes[p].slopeBound() + passes[p].magnitudeBound() / fadeLength >= 0.9) {
                throw new IllegalStateException("cell warp could fold");
            }
        }
    }

    private double fade(double x, double y) {
        double inside = Double.POSITIVE_INFINITY;
        for (int i = 0; i < offset.length; i++) {
            if (offset[i] != Double.POSITIVE_INFINITY) {
                inside = Math.min(inside, normalX[i] * x + normalY[i] * y - offset[i]);
            }
        }
        if (inside <= ON_BORDER) {
            return 0;
        }
        return Math.min(1, (inside - ON_BORDER) / fadeLength);
    }

    private void displacement(NoiseOctaves noise, double x, double y, double[] out) {
        double t = fade(x, y);
        if (t == 0) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        noise.displacement(x, y, out);
        out[0] *= t;
        out[1] *= t;
    }

    /** Each pass is fold-free and keeps the border in place, so their composition is too, and bends further. */
    @Override
    public void apply(double[] xy) {
        double[] d = new double[2];
        for (NoiseOctaves noise : passes) {
            displacement(noise, xy[0], xy[1], d);
            xy[0] += d[0];
            xy[1] += d[1];
        }
    }

    @Override
    public PlanePoint invert(PlanePoint target) {
        PlanePoint p = target;
        for (int i = passes.length - 1; i >= 0; i--) {
            NoiseOctaves noise = passes[i];
            p = PlaneWarp.solve(p, (x, y, out) -> displacement(noise, x, y, out));
        }
        return p;
    }
}
