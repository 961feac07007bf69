package cn.linli.open311;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linli.open311.requests.*}: how requests are filed and shown.
 *
 * @param batch            answer POST requests with a token instead of the request's id (GeoReport v2 deployments
 *                         that queue requests); the token is resolved through {@code tokens/{token}}
 * @param addressOnlyPlace the division code of the place a request with only an {@code address_string} is filed at,
 *                         since an address cannot be located; empty: the city, so the case waits at the city's desk
 * @param retryWindow      how long the same body from the same client, sent without an idempotency key, counts as a
 *                         retry of the first request
 * @param maxPageSize      the largest {@code page_size} (and the default limit) of GET requests
 * @param defaultWindow    the window of GET requests without dates
 * @param coarsenMetres    the grid to which locations of sensitive categories are rounded in public answers
 */
@ConfigurationProperties("linli.open311.requests")
public record RequestSettings(boolean batch, String addressOnlyPlace, Duration retryWindow, Integer maxPageSize,
        Duration defaultWindow, Integer coarsenMetres) {

    public RequestSettings {
        addressOnlyPlace = addressOnlyPlace == null ? "" : addressOnlyPlace.strip();
        retryWindow = retryWindow == null ? Duration.ofMinutes(10) : retryWindow;
        maxPageSize = maxPageSize == null ? 1000 : maxPageSize;
        defaultWindow = defaultWindow == null ? Duration.ofDays(90) : defaultWindow;
        coarsenMetres = coarsenMetres == null ? 100 : coarsenMetres;
    }
}
