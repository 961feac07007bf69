package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties that must hold whatever the data: a territory compared with its own list proposes nothing. */
class SelfComparisonPropertyTest {

    private static final String SYLLABLES = "安平兴华新民东西南北永长红光福胜利和丰富太阳春江山河林青";

    @RepeatedTest(5)
    void aRealListComparedWithItselfProposesNothing(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        for (String file : List.of(RealSnapshots.Y2016, RealSnapshots.Y2023)) {
            List<SnapshotRow> rows = RealSnapshots.rows(file);
            List<CurrentUnit> units = new ArrayList<>(RealSnapshots.territoryOf(rows, random.nextInt(1_000_000)).units());
            Collections.shuffle(units, random);

            SnapshotDiff diff = SnapshotComparison.compare(units, rows);

            assertThat(diff.proposesNothing()).as(file).isTrue();
            assertThat(diff.matches()).hasSize(rows.size()).allSatisfy(match -> assertThat(match.rule()).isEqualTo(MatchRule.CODE_AND_NAME));
        }
    }

    @RepeatedTest(20)
    void aGeneratedListComparedWithItselfProposesNothing(RepetitionInfo repetition) {
        Random random = new Random(1000L + repetition.getCurrentRepetition());
        List<SnapshotRow> rows = generatedList(random);
        List<CurrentUnit> units = new ArrayList<>(RealSnapshots.territoryOf(rows, 1).units());
        Collections.shuffle(units, random);

        assertThat(SnapshotComparison.compare(units, rows).proposesNothing()).isTrue();
    }

    @Test
    void afterApplyingADiffInEitherDirectionNothingIsLeftToPropose() {
        List<SnapshotRow> rows2016 = RealSnapshots.rows(RealSnapshots.Y2016);
        List<SnapshotRow> rows2023 = RealSnapshots.rows(RealSnapshots.Y2023);
        for (var direction : List.of(List.of(rows2016, rows2023), List.of(rows2023, rows2016))) {
            List<CurrentUnit> before = RealSnapshots.territoryOf(direction.get(0), 1).units();
            SnapshotDiff diff = SnapshotComparison.compare(before, direction.get(1));
            List<CurrentUnit> after = new DiffReplay(before).apply(diff.operations()).asUnits(1_000_000);

            assertThat(SnapshotComparison.compare(after, direction.get(1)).proposesNothing()).isTrue();
        }
    }

    /** A random but valid list: names may repeat between townships, as village names do in reality. */
    private static List<SnapshotRow> generatedList(Random random) {
        List<SnapshotRow> rows = new ArrayList<>();
        DivisionCode city = DivisionCode.of("230800000000");
        rows.add(new SnapshotRow(city, "佳木斯市", DivisionLevel.CITY, DivisionCode.of("230000000000"), null));
        for (int county = 1; county <= 1 + random.nextInt(3); county++) {
            DivisionCode countyCode = DivisionCode.of(String.format("2308%02d000000", county));
            rows.add(new SnapshotRow(countyCode, name(random) + "区", DivisionLevel.COUNTY, city, null));
            for (int township = 1; township <= 1 + random.nextInt(4); township++) {
                int townshipDigits = List.of(township, 100 + township, 200 + township, 198).get(random.nextInt(4));
                DivisionCode townshipCode = DivisionCode.of(countyCode.countyDigits() + String.format("%03d000", townshipDigits));
                if (rows.stream().anyMatch(row -> row.code().equals(townshipCode))) {
                    continue;
                }
                rows.add(new SnapshotRow(townshipCode, name(random) + (townshipDigits < 100 ? "街道办事处" : "镇"),
                        DivisionLevel.TOWNSHIP, countyCode, null));
                for (int village = 1; village <= random.nextInt(6); village++) {
                    boolean committee = random.nextBoolean();
                    DivisionCode villageCode = DivisionCode.of(townshipCode.value().substring(0, 9)
                            + String.format("%03d", committee ? 200 + village : village));
                    rows.add(new SnapshotRow(villageCode, name(random) + (committee ? "村委会" : "社区居委会"),
                            DivisionLevel.COMMUNITY, townshipCode, List.of("111", "220").get(random.nextInt(2))));
                }
            }
        }
        return rows;
    }

    private static String name(Random random) {
        return "" + SYLLABLES.charAt(random.nextInt(SYLLABLES.length())) + SYLLABLES.charAt(random.nextInt(SYLLABLES.length()));
    }
}
