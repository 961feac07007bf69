package cn.linli.casework;

import java.util.EnumMap;
import java.util.Map;

/**
 * The indicators of one subject over a period: the counts and the rates computed from them (fractions from 0 to 1;
 * null where the denominator is zero, shown as "—"), the average handling time in working hours, and the composite
 * score on a 100-point scale.
 */
public record IndicatorSet(IndicatorCounts counts, Double registrationRate, Double dispatchRate, Double accurateDispatchRate,
        Double closureRate, Double onTimeClosureRate, Double reworkRate, Double extensionRate, Double satisfactionRate,
        Double oneTimeResolutionRate, Double immediateAnswerRate, Double knowledgeAnswerRate, Double averageHandlingHours,
        Double score) {

    /** The formulas of standards.md on the counts, and the score with the weights. */
    public static IndicatorSet of(IndicatorCounts c, Map<Indicator, Double> weights) {
        Map<Indicator, Double> rates = new EnumMap<>(Indicator.class);
        rates.put(Indicator.REGISTRATION, rate(c.registered(), c.received()));
        rates.put(Indicator.DISPATCH, rate(c.dispatched(), c.registered()));
        rates.put(Indicator.ACCURATE_DISPATCH, rate(Math.max(0, c.dispatches() - c.returns()), c.dispatches()));
        rates.put(Indicator.CLOSURE, rate(c.dueClosed(), c.due()));
        rates.put(Indicator.ON_TIME_CLOSURE, rate(c.dueOnTime(), c.due()));
        rates.put(Indicator.REWORK, rate(c.reworks(), c.due()));
        rates.put(Indicator.EXTENSION, rate(c.extensions(), c.due()));
        rates.put(Indicator.SATISFACTION, rate(c.satisfied(), c.visits()));
        rates.put(Indicator.ONE_TIME_RESOLUTION, rate(c.oneTimeClosed(), c.closed()));
        rates.put(Indicator.IMMEDIATE_ANSWER, rate(c.answered(), c.received()));
        rates.put(Indicator.KNOWLEDGE_ANSWER, rate(c.knowledgeAnswered(), c.answered()));
        Double hours = c.handled() == 0 ? null : c.handlingMinutes() / 60.0 / c.handled();
        return new IndicatorSet(c, rates.get(Indicator.REGISTRATION), rates.get(Indicator.DISPATCH),
                rates.get(Indicator.ACCURATE_DISPATCH), rates.get(Indicator.CLOSURE), rates.get(Indicator.ON_TIME_CLOSURE),
                rates.get(Indicator.REWORK), rates.get(Indicator.EXTENSION), rates.get(Indicator.SATISFACTION),
                rates.get(Indicator.ONE_TIME_RESOLUTION), rates.get(Indicator.IMMEDIATE_ANSWER),
                rates.get(Indicator.KNOWLEDGE_ANSWER), hours, score(rates, weights));
    }

    /** A part over a whole; none when the whole is zero (nothing to measure is not 0 %). Capped at 1. */
    static Double rate(long part, long whole) {
        if (whole <= 0) return null;
        return Math.min(1.0, Math.max(0, part) / (double) whole);
    }

    /**
     * Σ weight × rate over the rates that exist, scaled to 100 by the weights of those rates: a unit with no return
     * visits is judged on the rest rather than given 0. Rework and extension enter as 1 − rate. None when no
     * weighted rate exists.
     */
    static Double score(Map<Indicator, Double> rates, Map<Indicator, Double> weights) {
        double sum = 0;
        double weightSum = 0;
        for (Map.Entry<Indicator, Double> w : weights.entrySet()) {
            Double r = rates.get(w.getKey());
            if (r == null || w.getValue() <= 0) continue;
            sum += w.getValue() * (w.getKey().higherIsBetter() ? r : 1 - r);
            weightSum += w.getValue();
        }
        return weightSum == 0 ? null : Math.round(sum / weightSum * 1000) / 10.0;
    }

    public Double rate(Indicator indicator) {
        return switch (indicator) {
            case REGISTRATION -> registrationRate;
            case DISPATCH -> dispatchRate;
            case ACCURATE_DISPATCH -> accurateDispatchRate;
            case CLOSURE -> closureRate;
            case ON_TIME_CLOSURE -> onTimeClosureRate;
            case REWORK -> reworkRate;
            case EXTENSION -> extensionRate;
            case SATISFACTION -> satisfactionRate;
            case ONE_TIME_RESOLUTION -> oneTimeResolutionRate;
            case IMMEDIATE_ANSWER -> immediateAnswerRate;
            case KNOWLEDGE_ANSWER -> knowledgeAnswerRate;
        };
    }
}
