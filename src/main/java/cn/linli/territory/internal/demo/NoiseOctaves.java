package cn.linli.territory.internal.demo;

/**
 * A smooth random displacement field: a few octaves of value noise on square lattices, two channels from one
 * hash. With a cubic fade each channel's slope is at most 3 / wavelength per unit amplitude, so the field's
 * Jacobian norm is at most the sum of 6 × amplitude / wavelength; warps size their octaves from that bound
 * so that they can never fold a border over another.
 */
final class NoiseOctaves {

    private final double[] wavelengths;
    private final double[] amplitudes;
    private final long[] seeds;

    private NoiseOctaves(double[] wavelengths, double[] amplitudes, long[] seeds) {
        this.wavelengths = wavelengths;
        this.amplitudes = amplitudes;
        this.seeds = seeds;
    }

    /** Octaves whose slopes each use {@code slopePerOctave} of the Lipschitz budget. */
    static NoiseOctaves withSlope(long seed, double slopePerOctave, double... wavelengths) {
        double[] amplitudes = new double[wavelengths.length];
        long[] seeds = new long[wavelengths.length];
        for (int o = 0; o < wavelengths.length; o++) {
            amplitudes[o] = slopePerOctave * wavelengths[o] / 6;
            seeds[o] = Seeds.mix(seed, o + 1);
        }
        return new NoiseOctaves(wavelengths.clone(), amplitudes, seeds);
    }

    /** Upper bound of the field's Lipschitz constant. */
    double slopeBound() {
        double sum = 0;
        for (int o = 0; o < wavelengths.length; o++) {
            sum += 6 * amplitudes[o] / wavelengths[o];
        }
        return sum;
    }

    /** Upper bound of the displacement's length. */
    double magnitudeBound() {
        double sum = 0;
        for (double a : amplitudes) {
            sum += a;
        }
        return Math.sqrt(2) * sum;
    }

    /** Writes the displacement at (x, y) into {@code out[0..1]}. */
    void displacement(double x, double y, double[] out) {
        double dx = 0;
        double dy = 0;
        for (int o = 0; o < wavelengths.length; o++) {
            double gx = x / wavelengths[o];
            double gy = y / wavelengths[o];
            double fx0 = Math.floor(gx);
            double fy0 = Math.floor(gy);
            long ix = (long) fx0;
            long iy = (long) fy0;
            double sx = fade(gx - fx0);
            double sy = fade(gy - fy0);
            long h00 = Seeds.lattice(seeds[o], ix, iy);
            long h10 = Seeds.lattice(seeds[o], ix + 1, iy);
            long h01 = Seeds.lattice(seeds[o], ix, iy + 1);
            long h11 = Seeds.lattice(seeds[o], ix + 1, iy + 1);
            double a = amplitudes[o];
            dx += a * blend(high(h00), high(h10), high(h01), high(h11), sx, sy);
            dy += a * blend(low(h00), low(h10), low(h01), low(h11), sx, sy);
        }
        out[0] = dx;
        out[1] = dy;
    }

    private static double fade(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double blend(double v00, double v10, double v01, double v11, double sx, double sy) {
        double bottom = v00 + sx * (v10 - v00);
        double top = v01 + sx * (v11 - v01);
        return bottom + sy * (top - bottom);
    }

    private static double high(long h) {
        return (int) (h >>> 32) * 0x1.0p-31;
    }

    private static double low(long h) {
        return (int) h * 0x1.0p-31;
    }
}
