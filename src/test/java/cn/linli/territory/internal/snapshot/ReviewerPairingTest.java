package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.linli.territory.internal.snapshot.SnapshotComparisonTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class ReviewerPairingTest {

    private static final String TOP = """
            230800000000,佳木斯市,city,230000000000,
            230803000000,向阳区,county,230800000000,
            230803001000,西林街道办事处,township,230803000000,
            """;
    private static final RealSnapshots.Territory CURRENT = RealSnapshots.territoryOf(rows(TOP + """
            230803001001,热源社区居委会,village,230803001000,111
            230803001002,近江社区居委会,village,230803001000,111
            """), 1);
    /** 热源 renamed to 江畔 under its old code, and a new 热源 elsewhere: only a person can tell. */
    private static final List<SnapshotRow> SNAPSHOT = rows(TOP + """
            230803001001,江畔社区居委会,village,230803001000,111
            230803001002,近江社区居委会,village,230803001000,111
            230803001003,永丰社区居委会,village,230803001000,111
            """);

    @Test
    void aPairingTurnsAbolishAndCreateIntoARename() {
        long reyuan = CURRENT.id("230803001001");
        SnapshotDiff diff = SnapshotComparison.compare(CURRENT.units(), SNAPSHOT,
                List.of(new ReviewerPairing(reyuan, DivisionCode.of("230803001001"))));

        assertThat(diff.matchOf(reyuan)).contains(new UnitMatch(reyuan, DivisionCode.of("230803001001"), MatchRule.REVIEWER));
        assertThat(diff.operationsFor(reyuan)).containsExactly(
                new ProposedOperation.Rename(reyuan, MatchRule.REVIEWER, "热源社区居委会", "江畔社区居委会"));
        assertThat(diff.operationsOfType(ProposedOperation.Abolish.class)).isEmpty();
        assertThat(diff.reviewCandidates()).isEmpty();
    }

    @Test
    void aPairingCanMoveAndRecode() {
        long reyuan = CURRENT.id("230803001001");
        SnapshotDiff diff = SnapshotComparison.compare(CURRENT.units(), rows(TOP + """
                230803002000,保卫街道,township,230803000000,
                230803001002,近江社区居委会,village,230803001000,111
                230803002001,江畔社区,village,230803002000,111
                """), List.of(new ReviewerPairing(reyuan, DivisionCode.of("230803002001"))));

        assertThat(diff.operationsFor(reyuan)).containsExactly(
                new ProposedOperation.Move(reyuan, MatchRule.REVIEWER, CURRENT.id("230803001000"),
                        new ParentRef.Created(DivisionCode.of("230803002000"))),
                new ProposedOperation.Recode(reyuan, MatchRule.REVIEWER, DivisionCode.of("230803001001"), DivisionCode.of("230803002001")),
                new ProposedOperation.Rename(reyuan, MatchRule.REVIEWER, "热源社区居委会", "江畔社区"));
    }

    @Test
    void aPairingOverrulesANameMatchButNotACodeAndNameMatch() {
        // Rule (b) would follow the name 热源 to 001003; the reviewer knows the unit kept its code and was renamed.
        List<SnapshotRow> renumbered = rows(TOP + """
                230803001001,江畔社区居委会,village,230803001000,111
                230803001002,近江社区居委会,village,230803001000,111
                230803001003,热源社区居委会,village,230803001000,111
                """);
        long reyuan = CURRENT.id("230803001001");
        SnapshotDiff diff = SnapshotComparison.compare(CURRENT.units(), renumbered,
                List.of(new ReviewerPairing(reyuan, DivisionCode.of("230803001001"))));

        assertThat(diff.operationsFor(reyuan)).containsExactly(
                new ProposedOperation.Rename(reyuan, MatchRule.REVIEWER, "热源社区居委会", "江畔社区居委会"));
        assertThat(diff.operationsOfType(ProposedOperation.Create.class)).extracting(ProposedOperation.Create::code)
                .containsExactly(DivisionCode.of("230803001003"));
    }

    @Test
    void invalidPairingsAreAllRefused() {
        long reyuan = CURRENT.id("230803001001");
        long jinjiang = CURRENT.id("230803001002");
        long xilin = CURRENT.id("230803001000");
        List<ReviewerPairing> pairings = List.of(
                new ReviewerPairing(xilin, DivisionCode.of("230803001003")), // street ↔ community
                new ReviewerPairing(reyuan, DivisionCode.of("230803001002")), // 近江's code, matched by code and name
                new ReviewerPairing(jinjiang, DivisionCode.of("230803001001")), // 近江 itself is matched
                new ReviewerPairing(4242, DivisionCode.of("230803001001")), // no such unit, and the code is taken above
                new ReviewerPairing(reyuan, DivisionCode.of("230803009001")), // unit paired twice, unknown code
                new ReviewerPairing(4243, DivisionCode.of("230803001003"))); // code paired twice, unknown unit

        InvalidPairingsException refused = catchThrowableOfType(
                () -> SnapshotComparison.compare(CURRENT.units(), SNAPSHOT, pairings), InvalidPairingsException.class);

        assertThat(refused.problems()).extracting(problem -> problem.pairing().unitId(), PairingProblem::messageKey)
                .containsExactlyInAnyOrder(
                        tuple(xilin, "snapshot.pairing.level.mismatch"),
                        tuple(reyuan, "snapshot.pairing.code.already-matched"),
                        tuple(jinjiang, "snapshot.pairing.unit.already-matched"),
                        tuple(4242L, "snapshot.pairing.code.duplicate"),
                        tuple(reyuan, "snapshot.pairing.unit.duplicate"),
                        tuple(4243L, "snapshot.pairing.code.duplicate"));
        assertThat(refused.problems()).contains(PairingProblem.of(pairings.get(1), "snapshot.pairing.code.already-matched",
                "230803001002", jinjiang, MatchRule.CODE_AND_NAME));
    }

    @Test
    void unknownUnitsAndCodesAreRefused() {
        InvalidPairingsException refused = catchThrowableOfType(() -> SnapshotComparison.compare(CURRENT.units(), SNAPSHOT,
                List.of(new ReviewerPairing(4242, DivisionCode.of("230803009001")))), InvalidPairingsException.class);
        assertThat(refused.problems()).extracting(PairingProblem::messageKey)
                .containsExactly("snapshot.pairing.unit.unknown", "snapshot.pairing.code.unknown");
    }

    @Test
    void onTheRealDataPairingTongjiangsCityCommitteeWithItsStreetKeepsItsCommunitiesInPlace() {
        List<SnapshotRow> rows2016 = RealSnapshots.rows(RealSnapshots.Y2016);
        List<SnapshotRow> rows2023 = RealSnapshots.rows(RealSnapshots.Y2023);
        RealSnapshots.Territory territory = RealSnapshots.territoryOf(rows2016, 1);
        long committee = territory.id("230881001000");
        long changfa = territory.id("230881001001");

        SnapshotDiff unpaired = SnapshotComparison.compare(territory.units(), rows2023);
        assertThat(unpaired.operationsFor(changfa)).containsExactly(new ProposedOperation.Move(changfa, MatchRule.CODE_AND_NAME,
                committee, new ParentRef.Created(DivisionCode.of("230881001000"))));

        SnapshotDiff paired = SnapshotComparison.compare(territory.units(), rows2023,
                List.of(new ReviewerPairing(committee, DivisionCode.of("230881001000"))));
        assertThat(paired.operationsFor(committee)).containsExactly(
                new ProposedOperation.Rename(committee, MatchRule.REVIEWER, "同江市城市管理委员会", "繁荣街道"));
        assertThat(paired.operationsFor(changfa)).isEmpty();
        assertThat(paired.reviewCandidates()).noneMatch(candidate -> candidate.unitId() == committee);
        // create, abolish and the four moves of 长发, 长安, 东方, 群利 give way to one rename
        assertThat(paired.operations()).hasSize(unpaired.operations().size() - 6 + 1);
    }
}
