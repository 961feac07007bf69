package cn.linli.casework;

import cn.linli.shared.GeoPoint;

/**
 * A request as the front desk, a grid worker or an outside system hands it in. The place is a WGS84 point (located
 * through territory) or, when the caller gives only an address, the territory unit the operator chose. A category
 * registers the case at once; without one it waits at the desk. The idempotency key makes a retried intake return
 * the case the first attempt created.
 */
public record NewCase(RequestType type, Channel channel, String title, String description, GeoPoint point, Long placeUnitId,
        String address, String reporterName, String reporterPhone, boolean anonymous, boolean confidential,
        boolean wantsReturnVisit, String categoryCode, boolean urgent, String idempotencyKey) {
}
