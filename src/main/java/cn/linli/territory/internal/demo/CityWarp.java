package cn.linli.territory.internal.demo;

/**
 * The city-wide deformation that gives county and township borders their large-scale meanders. It is a
 * composition of untapered noise warps, each fold-free on its own, so the composition is fold-free too while
 * bending borders further than a single warp could.
 */
final class CityWarp implements PlaneWarp {

    private static final int PASSES = 6;
    private static final double SLOPE_PER_OCTAVE = 0.16;

    private final NoiseOctaves[] passes = new NoiseOctaves[PASSES];

    /** @param finestWavelength the shortest wiggle, km; borders must be sampled several times per wiggle */
    CityWarp(long seed, double finestWavelength) {
        double f = finestWavelength;
        for (int p = 0; p < PASSES; p++) {
            passes[p] = NoiseOctaves.withSlope(Seeds.mix(seed, "city-warp-" + p), SLOPE_PER_OCTAVE,
                    16 * f, 8 * f, 4 * f, 2 * f, f);
        }
    }

    @Override
    public void apply(double[] xy) {
        double[] d = new double[2];
        for (NoiseOctaves pass : passes) {
            pass.displacement(xy[0], xy[1], d);
            xy[0] += d[0];
            xy[1] += d[1];
        }
    }

    @Override
    public PlanePoint invert(PlanePoint target) {
        PlanePoint p = target;
        for (int i = passes.length - 1; i >= 0; i--) {
            p = PlaneWarp.solve(p, passes[i]::displacement);
        }
        return p;
    }
}
