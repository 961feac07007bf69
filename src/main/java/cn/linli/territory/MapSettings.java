package cn.linli.territory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The base map: a tile URL template (empty: no tiles, boundaries on a plain background, which works offline) and
 * the coordinate system of its tiles. Tianditu's tiles are in CGCS2000 (wgs84 here); AMap's and Tencent's are in
 * GCJ-02, so boundaries are shifted to GCJ-02 before they are drawn on them.
 */
@ConfigurationProperties("linli.map")
public record MapSettings(String tileUrl, String tileCrs, String attribution) {

    public MapSettings {
        tileUrl = tileUrl == null ? "" : tileUrl.strip();
        tileCrs = tileCrs == null || tileCrs.isBlank() ? "wgs84" : tileCrs.strip().toLowerCase(java.util.Locale.ROOT);
        attribution = attribution == null ? "" : attribution;
        if (!tileCrs.equals("wgs84") && !tileCrs.equals("gcj02")) {
            throw new IllegalArgumentException("linli.map.tile-crs must be wgs84 or gcj02, not " + tileCrs);
        }
    }
}
