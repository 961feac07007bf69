package cn.linli.casework.internal;

import java.time.Instant;

import cn.linli.casework.Channel;

/**
 * What a case is about, fixed at intake: the request, where, and who reported it. The reporter's phone is stored
 * encrypted ({@code reporterPhone} is the protected value's stored text) with a blind index for lookup.
 */
record CaseDetails(String requestType, Channel channel, String title, String description, Double lng, Double lat,
        String address, Place place, String reporterName, String reporterPhone, String reporterPhoneIndex, boolean anonymous,
        boolean confidential, Instant receivedAt, String receivedBy, String idempotencyKey) {

    /** The territory units the location lies in, resolved through territory at intake. */
    record Place(Long gridId, Long communityId, Long townshipId, Long countyId) {
        static final Place UNKNOWN = new Place(null, null, null, null);
    }
}
