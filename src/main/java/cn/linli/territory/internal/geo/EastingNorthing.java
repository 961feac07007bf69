package cn.linli.territory.internal.geo;

/** A projected position in metres: easting (x, GIS order first) and northing (y). */
public record EastingNorthing(double easting, double northing) {
}
