package cn.linli.territory.internal.geo;

/**
 * A coordinate reference system that Linli cannot read boundaries in. Only WGS84/CGCS2000 longitude and latitude
 * and the CGCS2000 3-degree Gauss-Krüger projections (EPSG:4513–4554) are accepted, because those are what
 * surveying offices and web tools in China deliver; anything else is more likely a mistake than a real need.
 */
public class UnsupportedCrsException extends IllegalArgumentException {

    private final String crsName;

    public UnsupportedCrsException(String crsName) {
        super("unsupported coordinate reference system '" + crsName + "': expected WGS84/CGCS2000 longitude and "
                + "latitude (EPSG:4326, EPSG:4490, OGC:CRS84) or CGCS2000 3-degree Gauss-Kruger EPSG:4513-4554");
        this.crsName = crsName;
    }

    /** The name as given, e.g. {@code EPSG:3857}. */
    public String crsName() {
        return crsName;
    }
}
