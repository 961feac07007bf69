package cn.linli.open311.web;

/**
 * Locations of sensitive categories are rounded to a grid of about the configured size before they are published,
 * so that a report cannot lead to one household's door; the cell's centre is shown.
 */
record Coarsening(int metres) {

    private static final double METRES_PER_DEGREE = 111_320;

    /** {lat, lng} rounded to the grid, at six decimals. */
    double[] apply(double lat, double lng) {
        if (metres <= 0) return new double[] {lat, lng};
        double latStep = metres / METRES_PER_DEGREE;
        double latCentre = (Math.floor(lat / latStep) + 0.5) * latStep;
        // the width of a cell follows its row, not the point, so that every point of a cell shows as the same centre
        double lngStep = metres / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(latCentre))));
        return new double[] {round6(latCentre), round6((Math.floor(lng / lngStep) + 0.5) * lngStep)};
    }

    static double round6(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
