package cn.linli.open311;

import java.time.Instant;

/** What filing a request gave: the case's number (the service_request_id), the token, and its current deadline. */
public record FiledRequest(long caseId, String number, String token, Instant deadline, boolean repeated) {
}
