package cn.linli.portal.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.linli.portal.PortalRejected;
import cn.linli.portal.PortalSettings;
import cn.linli.shared.GeoPoint;
import cn.linli.shared.InvalidPhoneNumberException;
import cn.linli.shared.PhoneNumber;
import cn.linli.territory.MapCoordinates;

/**
 * What the portal checks itself before a report reaches casework's intake (which checks the rest: lengths, the place,
 * photos): a point, a mainland mobile phone (the number SMS and tracking use), and no blocked word.
 */
@Component
public class ReportChecks {

    private final PortalSettings settings;

    ReportChecks(PortalSettings settings) {
        this.settings = settings;
    }

    /** The WGS84 point of a pin placed on a map drawn in {@code crs}. */
    public GeoPoint point(Double lat, Double lng, String crs) {
        if (lat == null || lng == null) throw new PortalRejected("location", "portal.error.location-required");
        try {
            return MapCoordinates.toWgs84(crs, lng, lat)
                    .orElseThrow(() -> new PortalRejected("location", "portal.error.location-invalid"));
        } catch (IllegalArgumentException e) {
            throw new PortalRejected("location", "portal.error.location-invalid");
        }
    }

    /** A mainland mobile number: the resident follows their case and receives SMS with it. */
    public PhoneNumber mobile(String text) {
        if (text == null || text.isBlank()) throw new PortalRejected("phone", "portal.error.phone-required");
        try {
            PhoneNumber phone = PhoneNumber.parse(text);
            if (phone.kind() != PhoneNumber.Kind.MOBILE) throw new PortalRejected("phone", "portal.error.phone-mobile");
            return phone;
        } catch (InvalidPhoneNumberException e) {
            throw new PortalRejected("phone", "portal.error.phone-mobile");
        }
    }

    /**
     * Refuses text with a blocked word, naming the word so the resident can rephrase (refusing rather than masking:
     * a masked report might no longer say what the resident meant, and staff would read it unmasked anyway).
     */
    public void allowed(String field, String text) {
        blockedWordIn(text).ifPresent(word -> {
            throw new PortalRejected(field, "portal.error.blocked-word", word);
        });
    }

    Optional<String> blockedWordIn(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = settings.blockedWords();
        return words.stream().filter(w -> lower.contains(w.toLowerCase(Locale.ROOT))).findFirst();
    }
}
