package cn.linli.open311;

import java.util.List;
import java.util.Map;

/**
 * A POST requests form as a client sent it, not yet checked. {@code attributes} holds the answers by attribute code,
 * from {@code attribute[CODE]} and {@code attribute[CODE][]}; {@code idempotencyKey} is the client's own key for
 * retries, or null; {@code bodyHash} a digest of the whole form (without the key) to recognise retries without one.
 */
public record SubmittedRequest(String serviceCode, String lat, String lng, String addressString, String addressId,
        String description, String mediaUrl, String firstName, String lastName, String phone, String email,
        Map<String, List<String>> attributes, String idempotencyKey, String bodyHash) {

    public SubmittedRequest {
        attributes = Map.copyOf(attributes);
    }
}
