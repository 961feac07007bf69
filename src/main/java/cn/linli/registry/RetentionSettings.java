package cn.linli.registry;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long personal data is kept once it is no longer needed (PIPL art. 19: no longer than necessary for the
 * purpose): residents who moved out of the city, residents who died, and the free-text findings of visits. Periods
 * run from the date of the move or death, and from the visit. {@code cron} is when the job runs (city time).
 */
@ConfigurationProperties("linli.registry.retention")
public record RetentionSettings(Period movedOutOfCity, Period deceased, Period visits, String cron, Boolean enabled) {

    public RetentionSettings {
        if (movedOutOfCity == null) movedOutOfCity = Period.ofYears(3);
        if (deceased == null) deceased = Period.ofYears(5);
        if (visits == null) visits = Period.ofYears(5);
        if (cron == null || cron.isBlank()) cron = "0 30 2 * * *";
        if (enabled == null) enabled = true;
        for (Period period : new Period[] {movedOutOfCity, deceased, visits}) {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("retention periods must be positive: " + period);
            }
        }
    }
}
