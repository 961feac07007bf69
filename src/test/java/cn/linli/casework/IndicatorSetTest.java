package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IndicatorSetTest {

    static final Map<Indicator, Double> EQUAL = Map.of(Indicator.CLOSURE, 50.0, Indicator.SATISFACTION, 50.0);

    static IndicatorCounts counts(long received, long registered, long dispatched, long dispatches, long returns, long due,
            long dueClosed, long dueOnTime, long closed, long oneTime, long reworks, long extensions, long visits, long satisfied) {
        return IndicatorCounts.of(new long[] {received, registered, dispatched, dispatches, returns, due, dueClosed, dueOnTime,
            closed, oneTime, reworks, extensions, visits, satisfied, 2, 300, 0, 0});
    }

    @Test
    void ratesFollowTheFormulasOfTheStandard() {
        IndicatorSet set = IndicatorSet.of(counts(10, 8, 6, 8, 2, 5, 4, 3, 4, 3, 1, 1, 4, 3), EQUAL);
        assertThat(set.registrationRate()).isEqualTo(0.8);
        assertThat(set.dispatchRate()).isEqualTo(0.75);
        assertThat(set.accurateDispatchRate()).isEqualTo(0.75);
        assertThat(set.closureRate()).isEqualTo(0.8);
        assertThat(set.onTimeClosureRate()).isEqualTo(0.6);
        assertThat(set.reworkRate()).isEqualTo(0.2);
        assertThat(set.extensionRate()).isEqualTo(0.2);
        assertThat(set.satisfactionRate()).isEqualTo(0.75);
        assertThat(set.oneTimeResolutionRate()).isEqualTo(0.75);
        assertThat(set.averageHandlingHours()).isEqualTo(2.5);
        assertThat(set.score()).isEqualTo(77.5);
    }

    @Test
    void answersAtOnceAreCountedOfThoseReceivedAndKnowledgeAnswersOfThoseAnswered() {
        long[] v = counts(10, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).values();
        v[16] = 4;
        v[17] = 3;
        IndicatorSet set = IndicatorSet.of(IndicatorCounts.of(v), EQUAL);
        assertThat(set.immediateAnswerRate()).isEqualTo(0.4);
        assertThat(set.knowledgeAnswerRate()).isEqualTo(0.75);
        assertThat(set.rate(Indicator.KNOWLEDGE_ANSWER)).isEqualTo(0.75);
    }

    @Test
    void nothingToMeasureIsNoRateNotZero() {
        IndicatorSet set = IndicatorSet.of(IndicatorCounts.NONE, EQUAL);
        for (Indicator i : Indicator.values()) assertThat(set.rate(i)).as(i.key()).isNull();
        assertThat(set.averageHandlingHours()).isNull();
        assertThat(set.score()).isNull();
    }

    @Test
    void aMissingRateLeavesItsWeightOutAndTheRestIsScaledToAHundred() {
        IndicatorSet noVisits = IndicatorSet.of(counts(0, 0, 0, 0, 0, 4, 3, 3, 3, 3, 0, 0, 0, 0), EQUAL);
        assertThat(noVisits.satisfactionRate()).isNull();
        assertThat(noVisits.score()).isEqualTo(75.0);
    }

    @Test
    void reworkAndExtensionLowerTheScore() {
        Map<Indicator, Double> reworkOnly = Map.of(Indicator.REWORK, 1.0);
        assertThat(IndicatorSet.of(counts(0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 1, 0, 0, 0), reworkOnly).score()).isEqualTo(75.0);
        assertThat(IndicatorSet.of(counts(0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 0, 0, 0, 0), reworkOnly).score()).isEqualTo(100.0);
    }

    @Test
    void moreReturnsThanDispatchesInAPeriodNeverGiveANegativeRate() {
        assertThat(IndicatorSet.of(counts(0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0), EQUAL).accurateDispatchRate()).isEqualTo(0.0);
        assertThat(IndicatorSet.rate(1, 3)).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void aPeriodIsTheMonthByDefaultAndRefusesBadInputWithItsField() {
        LocalDate today = LocalDate.of(2026, 2, 14);
        assertThat(IndicatorPeriod.parse(null, " ", today)).isEqualTo(new IndicatorPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        assertThat(IndicatorPeriod.parse("2026-11-01", null, today).to()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(IndicatorPeriod.parse("2024-01-01", "2026-12-31", today).to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertRefused(() -> IndicatorPeriod.parse("2026-02-30", null, today), "from", "indicators.error.date");
        assertRefused(() -> IndicatorPeriod.parse("2026-03-01", "yesterday", today), "to", "indicators.error.date");
        assertRefused(() -> IndicatorPeriod.parse("2026-03-01", "2026-02-01", today), "to", "indicators.error.to-before-from");
        assertRefused(() -> IndicatorPeriod.parse("2023-01-01", "2026-01-02", today), "to", "indicators.error.too-long");
    }

    @Test
    void levelsAreNamedAsInTheApi() {
        assertThat(IndicatorLevel.parse("grid-workers")).contains(IndicatorLevel.GRID_WORKERS);
        assertThat(IndicatorLevel.parse("STREETS")).contains(IndicatorLevel.STREETS);
        assertThat(IndicatorLevel.parse("planets")).isEmpty();
    }

    static void assertRefused(Runnable call, String field, String key) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(IndicatorException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }
}
