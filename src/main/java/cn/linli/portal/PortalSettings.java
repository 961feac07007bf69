package cn.linli.portal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's limits (linli.portal in application.yml). Tracking: {@code maxFailures} wrong answers for one case
 * number or from one address within {@code window} lock that number or address for {@code lock}. Reports: at most
 * {@code perAddress} from one address and {@code perPhone} from one phone within {@code window}. Blocked words: a
 * report containing one is refused with a message naming it. The follow-up question goes out {@code followUpAfter}
 * after closure.
 */
@ConfigurationProperties("linli.portal")
public record PortalSettings(Tracking tracking, Reports reports, List<String> blockedWords, Duration followUpAfter) {

    public record Tracking(int maxFailures, Duration window, Duration lock) {
        public Tracking {
            if (maxFailures < 1 || window == null || lock == null) {
                throw new IllegalArgumentException("linli.portal.tracking needs max-failures >= 1, a window and a lock");
            }
        }
    }

    public record Reports(int perAddress, int perPhone, Duration window) {
        public Reports {
            if (perAddress < 1 || perPhone < 1 || window == null) {
                throw new IllegalArgumentException("linli.portal.reports needs per-address, per-phone >= 1 and a window");
            }
        }
    }

    public PortalSettings {
        tracking = tracking == null ? new Tracking(5, Duration.ofMinutes(15), Duration.ofMinutes(15)) : tracking;
        reports = reports == null ? new Reports(10, 5, Duration.ofHours(1)) : reports;
        blockedWords = blockedWords == null ? List.of()
                : blockedWords.stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
        followUpAfter = followUpAfter == null ? Duration.ofDays(7) : followUpAfter;
    }
}
