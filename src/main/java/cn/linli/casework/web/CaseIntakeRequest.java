package cn.linli.casework.web;

import cn.linli.casework.CaseRuleException;
import cn.linli.casework.Channel;
import cn.linli.casework.NewCase;
import cn.linli.casework.RequestType;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.MapCoordinates;

/**
 * An intake through the staff API. The point may come in the system of the client's map ({@code crs}: wgs84, the
 * default, gcj02 for AMap and Tencent, bd09 for Baidu) and is stored in WGS84; without a point, {@code placeUnitId}
 * names the community or grid the operator chose.
 */
record CaseIntakeRequest(RequestType type, Channel channel, String title, String description, Double lng, Double lat,
        String crs, Long placeUnitId, String address, String reporterName, String reporterPhone, Boolean anonymous,
        Boolean confidential, Boolean wantsReturnVisit, String categoryCode, Boolean urgent) {

    NewCase toNewCase(String idempotencyKey) {
        return new NewCase(type, channel, title, description, point(), placeUnitId, address, reporterName, reporterPhone,
                yes(anonymous), yes(confidential), yes(wantsReturnVisit), categoryCode, yes(urgent), idempotencyKey);
    }

    private GeoPoint point() {
        if (lng == null && lat == null) return null;
        if (lng == null) throw CaseRuleException.invalid("lng", "caseweb.error.point-incomplete");
        if (lat == null) throw CaseRuleException.invalid("lat", "caseweb.error.point-incomplete");
        try {
            return MapCoordinates.toWgs84(crs, lng, lat)
                    .orElseThrow(() -> CaseRuleException.invalid("crs", "caseweb.error.crs", crs));
        } catch (IllegalArgumentException e) {
            throw CaseRuleException.invalid("location", "case.error.coordinates");
        }
    }

    private static boolean yes(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }
}
