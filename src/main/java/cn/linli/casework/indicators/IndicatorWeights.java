package cn.linli.casework.indicators;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.linli.casework.Indicator;

/**
 * The weights of the composite score (综合指标值), e.g. {@code linli.casework.indicators.weights.satisfaction=25}. Cities
 * weigh differently; the defaults follow common digital urban-management evaluations (closure, timeliness and
 * satisfaction first) and sum to 100. An unknown key stops the start, so a typing error never silently weighs 0.
 */
@ConfigurationProperties("linli.casework.indicators")
public record IndicatorWeights(Map<String, Double> weights) {

    static final Map<Indicator, Double> DEFAULTS = Map.of(Indicator.ACCURATE_DISPATCH, 10.0, Indicator.CLOSURE, 20.0,
            Indicator.ON_TIME_CLOSURE, 20.0, Indicator.REWORK, 10.0, Indicator.EXTENSION, 5.0, Indicator.SATISFACTION, 25.0,
            Indicator.ONE_TIME_RESOLUTION, 10.0);

    public IndicatorWeights {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            indicator(w.getKey());
            if (w.getValue() == null || w.getValue() < 0) {
                throw new IllegalArgumentException("linli.casework.indicators.weights." + w.getKey() + " must be 0 or more");
            }
        }
    }

    /** The defaults overridden by the configured weights. */
    public Map<Indicator, Double> effective() {
        Map<Indicator, Double> effective = new EnumMap<>(Indicator.class);
        effective.putAll(DEFAULTS);
        weights.forEach((k, v) -> effective.put(indicator(k), v));
        return Collections.unmodifiableMap(effective);
    }

    private static Indicator indicator(String key) {
        return Arrays.stream(Indicator.values()).filter(i -> i.key().equals(key)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown indicator weight linli.casework.indicators.weights." + key
                        + "; known: " + Arrays.stream(Indicator.values()).map(Indicator::key).toList()));
    }
}
