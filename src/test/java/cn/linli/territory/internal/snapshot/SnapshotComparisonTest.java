package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Small hand-made lists, one rule or one reviewer decision each. */
class SnapshotComparisonTest {

    private static final String TOP = """
            230800000000,佳木斯市,city,230000000000,
            230803000000,向阳区,county,230800000000,
            230803001000,西林街道办事处,township,230803000000,
            """;

    private static final RealSnapshots.Territory CURRENT = RealSnapshots.territoryOf(rows(TOP + """
            230803001001,热源社区居委会,village,230803001000,111
            230803001002,近江社区居委会,village,230803001000,111
            """), 1);

    @Test
    void aReusedCodeWithAnotherNameIsNotMatched() {
        SnapshotDiff diff = SnapshotComparison.compare(CURRENT.units(), rows(TOP + """
                230803001001,江畔社区居委会,village,230803001000,111
                230803001002,近江社区居委会,village,230803001000,111
                """));

        long reyuan = CURRENT.id("230803001001");
        assertThat(diff.matchOf(reyuan)).isEmpty();
        assertThat(diff.operations()).containsExactly(
                new ProposedOperation.Create(DivisionCode.of("230803001001"), "江畔社区居委会", DivisionLevel.COMMUNITY,
                        new ParentRef.Existing(CURRENT.id("230803001000")), "111"),
                new ProposedOperation.Abolish(reyuan, DivisionCode.of("230803001001"), "热源社区居委会"));
        assertThat(diff.reviewCandidates()).containsExactly(new ReviewCandidate(reyuan, DivisionCode.of("230803001001"),
                "热源社区居委会", DivisionCode.of("230803001001"), "江畔社区居委会", DivisionLevel.COMMUNITY,
                ReviewReason.SAME_CODE_DIFFERENT_NAME));
    }

    @Test
    void aUnitWhoseCodeWasGivenToAnotherFollowsItsName() {
        SnapshotDiff diff = SnapshotComparison.compare(CURRENT.units(), rows(TOP + """
                230803001001,江畔社区居委会,village,230803001000,111
                230803001002,近江社区居委会,village,230803001000,111
                230803001003,热源社区,village,230803001000,111
                """));

        long reyuan = CURRENT.id("230803001001");
        assertThat(diff.operationsFor(reyuan)).containsExactly(
                new ProposedOperation.Recode(reyuan, MatchRule.NAME_UNDER_PARENT, DivisionCode.of("230803001001"), DivisionCode.of("230803001003")),
                new ProposedOperation.Rename(reyuan, MatchRule.NAME_UNDER_PARENT, "热源社区居委会", "热源社区"));
        assertThat(diff.operationsOfType(ProposedOperation.Create.class)).extracting(ProposedOperation.Create::name)
                .containsExactly("江畔社区居委会");
        // ...but 热源 may as well have kept its code and been renamed 江畔: the reviewer is told.
        assertThat(diff.reviewCandidates()).containsExactly(new ReviewCandidate(reyuan, DivisionCode.of("230803001001"),
                "热源社区居委会", DivisionCode.of("230803001001"), "江畔社区居委会", DivisionLevel.COMMUNITY,
                ReviewReason.NAME_MATCH_OVER_REUSED_CODE));
    }

    @Test
    void urbanRuralClassChangesOnlyWhenTheSnapshotGivesOne() {
        String changed = TOP + """
                230803001001,热源社区居委会,village,230803001000,112
                230803001002,近江社区居委会,village,230803001000,
                """;
        long reyuan = CURRENT.id("230803001001");
        assertThat(SnapshotComparison.compare(CURRENT.units(), rows(changed)).operations())
                .containsExactly(new ProposedOperation.Reclassify(reyuan, MatchRule.CODE_AND_NAME, "111", "112"));
    }

    @Test
    void sameNameAcrossTwoContinuingParentsIsLeftToTheReviewer() {
        RealSnapshots.Territory current = RealSnapshots.territoryOf(rows(TOP + """
                230803002000,保卫街道办事处,township,230803000000,
                230803001001,热源社区居委会,village,230803001000,111
                230803002001,青云社区居委会,village,230803002000,111
                """), 1);
        SnapshotDiff diff = SnapshotComparison.compare(current.units(), rows(TOP + """
                230803002000,保卫街道办事处,township,230803000000,
                230803002001,青云社区居委会,village,230803002000,111
                230803002002,热源社区居委会,village,230803002000,111
                """));

        assertThat(diff.matchOf(current.id("230803001001"))).isEmpty();
        assertThat(diff.reviewCandidates()).extracting(ReviewCandidate::unitId, ReviewCandidate::newCode, ReviewCandidate::reason)
                .containsExactly(tuple(current.id("230803001001"), DivisionCode.of("230803002002"), ReviewReason.SAME_NAME_IN_COUNTY));
    }

    @Test
    void aNameThatIsNotUniqueInTheCountyIsNotGuessed() {
        RealSnapshots.Territory current = RealSnapshots.territoryOf(rows(TOP + """
                230803201000,新华乡,township,230803000000,
                230803202000,长青乡,township,230803000000,
                230803201200,新华村委会,village,230803201000,220
                230803202200,新华村委会,village,230803202000,220
                230803202201,长青村委会,village,230803202000,220
                """), 1);
        SnapshotDiff diff = SnapshotComparison.compare(current.units(), rows(TOP + """
                230803101000,合江镇,township,230803000000,
                230803101200,新华村,village,230803101000,220
                230803101201,长青村,village,230803101000,220
                """));

        assertThat(diff.matches()).extracting(UnitMatch::newCode).extracting(DivisionCode::value)
                .containsExactlyInAnyOrder("230800000000", "230803000000", "230803001000", "230803101201");
        assertThat(diff.matchOf(current.id("230803202201")).orElseThrow().rule()).isEqualTo(MatchRule.NAME_IN_COUNTY);
        assertThat(diff.reviewCandidates()).extracting(ReviewCandidate::currentCode, ReviewCandidate::reason).containsExactly(
                tuple(DivisionCode.of("230803201200"), ReviewReason.SAME_NAME_IN_COUNTY),
                tuple(DivisionCode.of("230803202200"), ReviewReason.SAME_NAME_IN_COUNTY));
    }

    @Test
    void aUnitWithoutCodeIsMatchedByName() {
        List<CurrentUnit> units = new ArrayList<>(CURRENT.units());
        units.add(new CurrentUnit(99, DivisionLevel.COMMUNITY, null, "滨江社区", CURRENT.id("230803001000"), null));
        SnapshotDiff diff = SnapshotComparison.compare(units, rows(TOP + """
                230803001001,热源社区居委会,village,230803001000,111
                230803001002,近江社区居委会,village,230803001000,111
                230803001003,滨江社区居委会,village,230803001000,111
                """));
        assertThat(diff.operationsFor(99)).containsExactly(
                new ProposedOperation.Recode(99L, MatchRule.NAME_UNDER_PARENT, null, DivisionCode.of("230803001003")),
                new ProposedOperation.Rename(99L, MatchRule.NAME_UNDER_PARENT, "滨江社区", "滨江社区居委会"),
                new ProposedOperation.Reclassify(99L, MatchRule.NAME_UNDER_PARENT, null, "111"));
    }

    @Test
    void gridsAreNotComparedAndTheCurrentStateMustBeATree() {
        List<CurrentUnit> withGrid = new ArrayList<>(CURRENT.units());
        withGrid.add(new CurrentUnit(98, DivisionLevel.GRID, DivisionCode.of("230803001001001"), "一网格",
                CURRENT.id("230803001001"), null));
        assertThat(SnapshotComparison.compare(withGrid, rows(TOP + """
                230803001001,热源社区居委会,village,230803001000,111
                230803001002,近江社区居委会,village,230803001000,111
                """)).proposesNothing()).isTrue();

        List<CurrentUnit> duplicateId = new ArrayList<>(CURRENT.units());
        duplicateId.add(CURRENT.units().get(0));
        assertThatThrownBy(() -> SnapshotComparison.compare(duplicateId, List.of())).isInstanceOf(IllegalArgumentException.class);
        List<CurrentUnit> orphan = List.of(new CurrentUnit(1, DivisionLevel.COMMUNITY, null, "孤儿社区", 42L, null));
        assertThatThrownBy(() -> SnapshotComparison.compare(orphan, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    static List<SnapshotRow> rows(String body) {
        String csv = "code,name,level,parent_code,urban_rural_code\n" + body;
        SnapshotReading reading = SnapshotFile.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(reading).isInstanceOf(SnapshotReading.Accepted.class);
        return ((SnapshotReading.Accepted) reading).rows();
    }
}
