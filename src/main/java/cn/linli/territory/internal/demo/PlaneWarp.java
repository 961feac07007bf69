package cn.linli.territory.internal.demo;

/**
 * A smooth deformation of the working plane that is a homeomorphism: its displacement has a Lipschitz
 * constant below 1, so borders bend but never cross, and every point has exactly one preimage.
 */
interface PlaneWarp {

    PlaneWarp NONE = new PlaneWarp() {
        @Override
        public void apply(double[] xy) {
        }

        @Override
        public PlanePoint invert(PlanePoint target) {
            return target;
        }
    };

    /** Moves the point {@code xy[0..1]} in place. */
    void apply(double[] xy);

    /** The point that {@link #apply} moves onto {@code target}. */
    PlanePoint invert(PlanePoint target);

    /**
     * Solves p + d(p) = target by fixed-point iteration, which converges because d is a contraction.
     * {@code displacement} writes d(p) into its third argument.
     */
    static PlanePoint solve(PlanePoint target, Displacement displacement) {
        double[] d = new double[2];
        double x = target.x();
        double y = target.y();
        for (int i = 0; i < 400; i++) {
            displacement.at(x, y, d);
            double nx = target.x() - d[0];
            double ny = target.y() - d[1];
            double change = Math.abs(nx - x) + Math.abs(ny - y);
            x = nx;
            y = ny;
            if (change < 1e-8) {
                break;
            }
        }
        return new PlanePoint(x, y);
    }

    @FunctionalInterface
    interface Displacement {
        void at(double x, double y, double[] out);
    }
}
