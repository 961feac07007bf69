package cn.linli.territory.internal.demo;

/**
 * An equirectangular plane around the city's centre point. Working in kilometres keeps distances and areas
 * isotropic (here a degree of longitude is only ~0.68 of a degree of latitude); over a city 400 km across the
 * scale error stays within a few percent, which a synthetic layout can live with.
 */
record LocalPlane(double originLng, double originLat, double kmPerLngDegree, double kmPerLatDegree) {

    static LocalPlane around(double lng, double lat) {
        return new LocalPlane(lng, lat, 111.32 * StrictMath.cos(StrictMath.toRadians(lat)), 110.54);
    }

    PlanePoint toPlane(double lng, double lat) {
        return new PlanePoint((lng - originLng) * kmPerLngDegree, (lat - originLat) * kmPerLatDegree);
    }

    double lng(double x) {
        return originLng + x / kmPerLngDegree;
    }

    double lat(double y) {
        return originLat + y / kmPerLatDegree;
    }
}
