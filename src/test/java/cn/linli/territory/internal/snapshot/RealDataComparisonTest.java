package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The 2016 Jiamusi list imported as the current territory, compared with the 2023 list. */
class RealDataComparisonTest {

    private static final String QIANJIN = "230804000000";
    private static final String QIANJIN_PSEUDO_TOWNSHIP = "230804198000";

    private static List<SnapshotRow> rows2016;
    private static List<SnapshotRow> rows2023;
    private static RealSnapshots.Territory territory;
    private static SnapshotDiff diff;

    @BeforeAll
    static void compare2016With2023() {
        rows2016 = RealSnapshots.rows(RealSnapshots.Y2016);
        rows2023 = RealSnapshots.rows(RealSnapshots.Y2023);
        territory = RealSnapshots.territoryOf(rows2016, 1);
        diff = SnapshotComparison.compare(territory.units(), rows2023);
    }

    @Test
    void qianjinCommunitiesAreMatchedAndMoveUnderTheNewStreets() {
        List<SnapshotRow> underPseudoTownship = rows2016.stream()
                .filter(row -> row.parentCode().value().equals(QIANJIN_PSEUDO_TOWNSHIP)).toList();
        assertThat(underPseudoTownship).hasSize(21); // 20 communities 001–020 and the village 南岗村 (200)

        for (SnapshotRow old : underPseudoTownship) {
            long unitId = territory.id(old.code().value());
            if (old.name().equals("丰润社区居民委员会")) {
                // the only one the 2023 list no longer has, under any name or code
                assertThat(diff.operationsFor(unitId)).containsExactly(
                        new ProposedOperation.Abolish(unitId, old.code(), old.name()));
                continue;
            }
            UnitMatch match = diff.matchOf(unitId).orElseThrow(() -> new AssertionError("not matched: " + old));
            assertThat(match.rule()).as(old.name()).isEqualTo(MatchRule.NAME_IN_COUNTY);
            SnapshotRow now = row2023(match.newCode());
            assertThat(diff.operationsFor(unitId)).as(old.name()).containsExactly(
                    new ProposedOperation.Move(unitId, MatchRule.NAME_IN_COUNTY, territory.id(QIANJIN_PSEUDO_TOWNSHIP),
                            new ParentRef.Created(now.parentCode())),
                    new ProposedOperation.Recode(unitId, MatchRule.NAME_IN_COUNTY, old.code(), now.code()),
                    new ProposedOperation.Rename(unitId, MatchRule.NAME_IN_COUNTY, old.name(), now.name()));
        }
        assertThat(diff.operationsOfType(ProposedOperation.Create.class))
                .filteredOn(create -> create.level() == DivisionLevel.COMMUNITY && create.code().value().startsWith("230804"))
                .extracting(create -> create.name())
                .containsExactlyInAnyOrder("亮子河社区", "江口社区", "佳莲社区");
    }

    @Test
    void namedExamplesOfQianjin() {
        assertMovedRecodedRenamed("230804198001", "230804007000", "230804007001", "永安社区");
        assertMovedRecodedRenamed("230804198016", "230804009000", "230804009007", "枫桥社区");
        assertMovedRecodedRenamed("230804198200", "230804010000", "230804010200", "南岗村");
    }

    private void assertMovedRecodedRenamed(String oldCode, String newParent, String newCode, String newName) {
        long unitId = territory.id(oldCode);
        MatchRule rule = MatchRule.NAME_IN_COUNTY;
        assertThat(diff.operationsFor(unitId)).contains(
                new ProposedOperation.Move(unitId, rule, territory.id(QIANJIN_PSEUDO_TOWNSHIP), new ParentRef.Created(DivisionCode.of(newParent))),
                new ProposedOperation.Recode(unitId, rule, DivisionCode.of(oldCode), DivisionCode.of(newCode)));
        assertThat(diff.operationsOfType(ProposedOperation.Rename.class))
                .filteredOn(rename -> rename.unitId() == unitId).singleElement()
                .extracting(ProposedOperation.Rename::newName).isEqualTo(newName);
    }

    @Test
    void qianjinStreetsAreCreatedAndThePseudoTownshipAbolishedAfterItEmptied() {
        long qianjin = territory.id(QIANJIN);
        assertThat(diff.operationsOfType(ProposedOperation.Create.class))
                .filteredOn(create -> create.level() == DivisionLevel.TOWNSHIP && create.code().value().startsWith("230804"))
                .extracting(create -> create.code().value(), ProposedOperation.Create::name, ProposedOperation.Create::parent)
                .containsExactly(
                        tuple("230804007000", "永安街道", new ParentRef.Existing(qianjin)),
                        tuple("230804008000", "港湾街道", new ParentRef.Existing(qianjin)),
                        tuple("230804009000", "和平街道", new ParentRef.Existing(qianjin)),
                        tuple("230804010000", "山水街道", new ParentRef.Existing(qianjin)));

        long pseudoTownship = territory.id(QIANJIN_PSEUDO_TOWNSHIP);
        int abolition = diff.operations().indexOf(
                new ProposedOperation.Abolish(pseudoTownship, DivisionCode.of(QIANJIN_PSEUDO_TOWNSHIP), "前进区镇直辖"));
        assertThat(abolition).isPositive();
        List<ProposedOperation> moves = diff.operations().stream()
                .filter(op -> op instanceof ProposedOperation.Move move && move.oldParentUnitId() == pseudoTownship).toList();
        assertThat(moves).hasSize(20);
        assertThat(moves).allSatisfy(move -> assertThat(diff.operations().indexOf(move)).isLessThan(abolition));
    }

    @Test
    void operationsApplyInOrderAndTurnThe2016TerritoryIntoThe2023List() {
        List<SnapshotRow> replayed = new DiffReplay(territory.units()).apply(diff.operations())
                .asRows(DivisionCode.of("230000000000"));

        assertThat(replayed).extracting(SnapshotRow::code, SnapshotRow::name, SnapshotRow::level, SnapshotRow::parentCode)
                .containsExactlyInAnyOrderElementsOf(rows2023.stream()
                        .map(row -> tuple(row.code(), row.name(), row.level(), row.parentCode())).toList());
    }

    @Test
    void operationsComeInPhasesAndAbolitionsBottomUp() {
        assertThat(diff.operations()).extracting(op -> op.type().ordinal()).isSorted();
        assertThat(diff.operationsOfType(ProposedOperation.Create.class)).extracting(create -> create.level().ordinal()).isSorted();
        assertThat(diff.operationsOfType(ProposedOperation.Abolish.class))
                .extracting(abolish -> -abolish.code().level().ordinal()).isSorted();
    }

    @Test
    void aCodeReusedForAnotherUnitIsNotMatched() {
        // 青龙山农场: in 2016 230881501508 is 第六管理区, in 2023 it is 第八管理区 (the old 230881501510).
        long sixth = territory.id("230881501508");
        long eighth = territory.id("230881501510");
        assertThat(diff.matchOf(sixth)).contains(new UnitMatch(sixth, DivisionCode.of("230881501506"), MatchRule.NAME_UNDER_PARENT));
        assertThat(diff.matchOf(eighth)).contains(new UnitMatch(eighth, DivisionCode.of("230881501508"), MatchRule.NAME_UNDER_PARENT));

        // And in general: wherever a unit keeps its code, the normalised names agree or nothing was matched.
        Map<Long, CurrentUnit> units = territory.units().stream().collect(Collectors.toMap(CurrentUnit::unitId, unit -> unit));
        List<UnitMatch> sameCodeMatches = diff.matches().stream()
                .filter(match -> match.newCode().equals(units.get(match.unitId()).code())).toList();
        assertThat(sameCodeMatches).allSatisfy(match -> {
            CurrentUnit unit = units.get(match.unitId());
            SnapshotRow row = row2023(match.newCode());
            assertThat(MatchingRules.normalised(unit).sameUnitAs(MatchingRules.normalised(row))).as(unit.name()).isTrue();
        });
    }

    @Test
    void sameCodeWithAnotherNameIsLeftToTheReviewer() {
        assertThat(diff.reviewCandidates())
                .filteredOn(candidate -> candidate.reason() == ReviewReason.SAME_CODE_DIFFERENT_NAME)
                .extracting(candidate -> candidate.currentName() + " → " + candidate.newName())
                .contains("同江市城市管理委员会 → 繁荣街道", "双兴村委会 → 利川村委会", "兴龙村委会 → 兴隆村委会",
                        "大来林场 → 大来林场生活区", "第一分场社区 → 第一分场生活区");
        long unitId = territory.id("230811102206");
        assertThat(diff.operationsFor(unitId)).containsExactly(
                new ProposedOperation.Abolish(unitId, DivisionCode.of("230811102206"), "双兴村委会"));
        assertThat(diff.operationsOfType(ProposedOperation.Create.class))
                .anySatisfy(create -> assertThat(create.name()).isEqualTo("利川村委会"));
    }

    @Test
    void nameMatchesThatLeaveAReusedCodeAreShownToTheReviewer() {
        // 前进农场 had areas 第二…第二十四 (501–515), now 第一…第十二 (501–512): the names followed the units, or
        // the units kept their codes and were renumbered. The name rule proposes the first; the reviewer may decide.
        long second = territory.id("230881502501");
        assertThat(diff.matchOf(second)).contains(new UnitMatch(second, DivisionCode.of("230881502502"), MatchRule.NAME_UNDER_PARENT));
        assertThat(diff.reviewCandidates()).contains(new ReviewCandidate(second, DivisionCode.of("230881502501"),
                "前进农场第二管理区", DivisionCode.of("230881502501"), "前进农场第一管理区", DivisionLevel.COMMUNITY,
                ReviewReason.NAME_MATCH_OVER_REUSED_CODE));

        SnapshotDiff overruled = SnapshotComparison.compare(territory.units(), rows2023,
                List.of(new ReviewerPairing(second, DivisionCode.of("230881502501"))));
        assertThat(overruled.operationsFor(second)).containsExactly(
                new ProposedOperation.Rename(second, MatchRule.REVIEWER, "前进农场第二管理区", "前进农场第一管理区"));
        // One creation is traded for another: 第一管理区 (501) is now matched, 第二管理区 (502) is new.
        assertThat(overruled.matches()).hasSize(diff.matches().size());
        assertThat(overruled.operationsOfType(ProposedOperation.Create.class)).extracting(ProposedOperation.Create::code)
                .contains(DivisionCode.of("230881502502")).doesNotContain(DivisionCode.of("230881502501"));
    }

    @Test
    void townshipsBecomingTownsAreMatchedByTheirStem() {
        long yanjiang = territory.id("230811201000");
        assertThat(diff.operationsFor(yanjiang)).containsExactly(
                new ProposedOperation.Recode(yanjiang, MatchRule.NAME_UNDER_PARENT, DivisionCode.of("230811201000"), DivisionCode.of("230811107000")),
                new ProposedOperation.Rename(yanjiang, MatchRule.NAME_UNDER_PARENT, "沿江乡", "沿江镇"));
        long village = territory.id("230811201205"); // 新华村委会: stays under the same unit, only its code follows
        assertThat(diff.operationsFor(village)).containsExactly(
                new ProposedOperation.Recode(village, MatchRule.NAME_UNDER_PARENT, DivisionCode.of("230811201205"), DivisionCode.of("230811107205")));
    }

    @Test
    void theDirectlyAdministeredPseudoTownshipOfXiangyangKeepsItsVillages() {
        long pseudoTownship = territory.id("230803198000");
        assertThat(diff.operationsFor(pseudoTownship)).containsExactly(new ProposedOperation.Rename(pseudoTownship,
                MatchRule.CODE_AND_NAME, "向阳区（镇）直辖地域", "向阳区直辖村级区划"));
        assertThat(diff.operationsFor(territory.id("230803198201"))).isEmpty();
    }

    @Test
    void figuresArePlausible() {
        Map<MatchRule, Integer> byRule = diff.matchCountByRule();
        int matched = diff.matches().size();
        int created = diff.operationsOfType(ProposedOperation.Create.class).size();
        int abolished = diff.operationsOfType(ProposedOperation.Abolish.class).size();
        Set<Long> unitsToReview = diff.reviewCandidates().stream().map(ReviewCandidate::unitId).collect(Collectors.toSet());
        Set<DivisionCode> rowsToReview = diff.reviewCandidates().stream().map(ReviewCandidate::newCode).collect(Collectors.toSet());
        Map<ReviewReason, Long> byReason = diff.reviewCandidates().stream()
                .collect(Collectors.groupingBy(ReviewCandidate::reason, () -> new java.util.EnumMap<>(ReviewReason.class), Collectors.counting()));
        Map<String, Long> byOperation = diff.operations().stream()
                .collect(Collectors.groupingBy(op -> op.getClass().getSimpleName(), java.util.TreeMap::new, Collectors.counting()));
        System.out.printf("2016 → 2023: %d units, %d rows; matched %d %s; created %d; abolished %d%n",
                rows2016.size(), rows2023.size(), matched, byRule, created, abolished);
        System.out.printf("operations %s; left for review: %d pairs %s, %d units, %d rows%n",
                byOperation, diff.reviewCandidates().size(), byReason, unitsToReview.size(), rowsToReview.size());

        assertThat(matched + abolished).isEqualTo(rows2016.size());
        assertThat(matched + created).isEqualTo(rows2023.size());
        assertThat(byRule.get(MatchRule.CODE_AND_NAME)).isBetween(1250, 1314); // 1314 codes are in both lists
        assertThat(byRule.get(MatchRule.NAME_UNDER_PARENT)).isBetween(50, 150);
        assertThat(byRule.get(MatchRule.NAME_IN_COUNTY)).isBetween(50, 150);
        assertThat(byRule.get(MatchRule.REVIEWER)).isZero();
        assertThat(abolished).isBetween(150, 230); // 322 codes vanish, most of them recoded
        assertThat(created).isBetween(180, 260); // 364 codes appear
        assertThat(unitsToReview.size()).isLessThan(abolished);
        assertThat(rowsToReview.size()).isLessThan(created);
    }

    static SnapshotRow row2023(DivisionCode code) {
        return rows2023.stream().filter(row -> row.code().equals(code)).findFirst().orElseThrow();
    }
}
