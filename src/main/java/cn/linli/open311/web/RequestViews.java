package cn.linli.open311.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.casework.PublicCases;
import cn.linli.open311.Open311Rejected;
import cn.linli.open311.RequestSettings;
import cn.linli.open311.internal.RequestStore;

/**
 * Cases as GeoReport v2 requests, with the specification's fields in its order: internal states as open or closed,
 * personal digits blanked out of the text, locations of sensitive categories coarsened, times in the city's offset.
 */
@Component
class RequestViews {

    private final Categories categories;
    private final RequestStore store;
    private final Coarsening coarsening;

    RequestViews(Categories categories, RequestStore store, RequestSettings settings) {
        this.categories = categories;
        this.store = store;
        this.coarsening = new Coarsening(settings.coarsenMetres());
    }

    List<Map<String, Object>> requests(List<PublicCases.PublicCase> cases, Locale locale) {
        Map<Long, String> media = store.mediaOf(cases.stream().map(PublicCases.PublicCase::id).toList());
        List<Map<String, Object>> list = new ArrayList<>(cases.size());
        for (PublicCases.PublicCase c : cases) {
            Optional<Category> category = categories.find(c.categoryCode());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("service_request_id", c.number());
            fields.put("status", status(c.state().isOpen()));
            fields.put("status_notes", PublicText.redact(c.statusNote()));
            fields.put("service_name", category.map(cat -> cat.name(locale)).orElse(null));
            fields.put("service_code", c.categoryCode());
            fields.put("description", PublicText.redact(c.description()));
            fields.put("agency_responsible", c.agency());
            fields.put("service_notice", null);
            fields.put("requested_datetime", time(c.receivedAt()));
            fields.put("updated_datetime", time(c.updatedAt()));
            fields.put("expected_datetime", c.state().isOpen() ? time(c.deadline()) : null);
            fields.put("address", PublicText.redact(c.address()));
            fields.put("address_id", null);
            fields.put("zipcode", null);
            double[] point = point(c, category.map(Category::sensitive).orElse(true));
            fields.put("lat", point == null ? null : point[0]);
            fields.put("long", point == null ? null : point[1]);
            fields.put("media_url", media.get(c.id()));
            list.add(fields);
        }
        return list;
    }

    private double[] point(PublicCases.PublicCase c, boolean sensitive) {
        if (c.lat() == null || c.lng() == null) return null;
        return sensitive ? coarsening.apply(c.lat(), c.lng()) : new double[] {Coarsening.round6(c.lat()), Coarsening.round6(c.lng())};
    }

    static String status(boolean open) {
        return open ? "open" : "closed";
    }

    /** ISO 8601 with the city's offset (+08:00), to the second. */
    static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.truncatedTo(ChronoUnit.SECONDS).atZone(Categories.CITY_ZONE).toOffsetDateTime());
    }

    /** A date filter: ISO 8601 with a time zone (2026-11-01T00:00:00+08:00 or …Z). */
    static Instant date(String name, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            // a "+" sent unencoded in a query string arrives as a space
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Rejected(400, name + " must be an ISO 8601 date and time with a time zone, e.g."
                    + " 2026-11-01T00:00:00+08:00: " + value);
        }
    }
}
