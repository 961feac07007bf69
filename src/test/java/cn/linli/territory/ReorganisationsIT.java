package cn.linli.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.access.Jurisdiction;
import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;
import cn.linli.testing.IntegrationTest;

/** Each reorganisation on a small fictional prefecture (codes 99xx, beside the demo city), with as-of queries. */
@IntegrationTest
class ReorganisationsIT {

    private static final AtomicInteger PREFECTURES = new AtomicInteger(10);
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate LATER = LocalDate.of(2025, 3, 1);

    @Autowired Reorganisations reorganisations;
    @Autowired TerritoryQueries territory;
    @Autowired JdbcClient jdbc;

    String p;
    long city, district, street, communityA, communityB, gridA1, gridA2, gridB1;

    @BeforeEach
    void buildPrefecture() {
        p = "99" + PREFECTURES.getAndIncrement();
        city = create(p + "00000000", "测试市", null);
        district = create(p + "01000000", "甲区", city);
        street = create(p + "01001000", "一街道", district);
        communityA = create(p + "01001001", "东社区", street);
        communityB = create(p + "01001002", "西社区", street);
        gridA1 = create(p + "01001001001", "东社区第1网格", communityA);
        gridA2 = create(p + "01001001002", "东社区第2网格", communityA);
        gridB1 = create(p + "01001002001", "西社区第1网格", communityB);
    }

    long create(String code, String name, Long parent) {
        return reorganisations.create(new NewUnit(DivisionCode.of(code), name, null, null, parent), START, null);
    }

    Division at(long id, LocalDate date) {
        return territory.tree(date).find(id).orElse(null);
    }

    @Test
    void renameKeepsTheOldNameForEarlierDates() {
        reorganisations.rename(communityA, "东风社区", LATER, "居民议事会决定");
        assertThat(at(communityA, LATER.minusDays(1)).name()).isEqualTo("东社区");
        assertThat(at(communityA, LATER).name()).isEqualTo("东风社区");
        assertThat(territory.history(Jurisdiction.wholeCity(), communityA).orElseThrow().periods()).hasSize(2);
    }

    @Test
    void recodingACommunityRecodesItsGrids() {
        reorganisations.recode(communityA, DivisionCode.of(p + "01001005"), LATER, null);
        assertThat(at(gridA2, LATER).code().value()).isEqualTo(p + "01001005002");
        assertThat(at(gridA2, START).code().value()).isEqualTo(p + "01001001002");
    }

    @Test
    void moveNeedsACodeThatNestsUnderTheNewParent() {
        long street2 = reorganisations.create(new NewUnit(DivisionCode.of(p + "01002000"), "二街道", null, null, district), LATER, null);
        assertThatThrownBy(() -> reorganisations.move(communityB, street2, null, LATER, null))
                .isInstanceOfSatisfying(TerritoryException.class, e -> assertThat(e.messageKey()).isEqualTo("territory.error.code-nesting"));
        reorganisations.move(communityB, street2, DivisionCode.of(p + "01002001"), LATER, null);
        assertThat(at(communityB, LATER).parentId()).isEqualTo(street2);
        assertThat(at(communityB, START).parentId()).isEqualTo(street);
        assertThat(at(gridB1, LATER).code().value()).isEqualTo(p + "01002001001");
    }

    @Test
    void mergeMovesGridsToTheTargetAndEndsTheSources() {
        long merged = reorganisations.merge(List.of(communityA, communityB), null,
                new NewUnit(DivisionCode.of(p + "01001010"), "大社区", null, "111", street), LATER, "52 合 20");
        DivisionTree after = territory.tree(LATER);
        assertThat(after.find(communityA)).isEmpty();
        assertThat(after.children(merged)).extracting(Division::id).containsExactlyInAnyOrder(gridA1, gridA2, gridB1);
        assertThat(after.children(merged)).extracting(d -> d.code().value())
                .containsExactlyInAnyOrder(p + "01001010001", p + "01001010002", p + "01001010003");
        assertThat(territory.tree(START).find(communityA)).isPresent();
        assertThat(territory.history(Jurisdiction.wholeCity(), communityA).orElseThrow().events())
                .anySatisfy(e -> assertThat(e.kind()).isEqualTo(ReorganisationKind.MERGE));
    }

    @Test
    void splitGivesEverySubUnitToOnePart() {
        var north = new NewUnit(DivisionCode.of(p + "01001011"), "北社区", null, null, street);
        var south = new NewUnit(DivisionCode.of(p + "01001012"), "南社区", null, null, street);
        assertThatThrownBy(() -> reorganisations.split(communityA, List.of(
                new Reorganisations.SplitPart(north, List.of(gridA1)), new Reorganisations.SplitPart(south, List.of())), LATER, null))
                .isInstanceOfSatisfying(TerritoryException.class, e -> assertThat(e.messageKey()).isEqualTo("territory.error.split-unassigned"));
        List<Long> parts = reorganisations.split(communityA, List.of(
                new Reorganisations.SplitPart(north, List.of(gridA1)), new Reorganisations.SplitPart(south, List.of(gridA2))), LATER, null);
        assertThat(territory.tree(LATER).children(parts.get(1))).extracting(Division::id).containsExactly(gridA2);
        assertThat(territory.tree(LATER).find(communityA)).isEmpty();
    }

    @Test
    void abolishingStreetsPlacesCommunitiesDirectlyUnderTheDistrict() {
        reorganisations.abolishStreets(district, LATER, "区直管社区");
        DivisionTree after = territory.tree(LATER);
        assertThat(after.find(street)).isEmpty();
        assertThat(after.children(district)).extracting(Division::id).containsExactlyInAnyOrder(communityA, communityB);
        assertThat(territory.tree(START).children(district)).extracting(Division::id).containsExactly(street);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        long versions = jdbc.sql("select count(*) from territory_unit_version").query(Long.class).single();
        assertThatThrownBy(() -> reorganisations.create(new NewUnit(DivisionCode.of(p + "01101000"), "某街道", UnitType.STREET, null, district), START, null))
                .isInstanceOfSatisfying(TerritoryException.class, e -> assertThat(e.messageKey()).isEqualTo("territory.error.type-code"));
        assertThatThrownBy(() -> create(p + "01002003", "错上级社区", street))
                .isInstanceOfSatisfying(TerritoryException.class, e -> assertThat(e.messageKey()).isEqualTo("territory.error.code-nesting"));
        assertThatThrownBy(() -> create(p + "01003000", "挂错层级", street))
                .isInstanceOfSatisfying(TerritoryException.class, e -> assertThat(e.messageKey()).isEqualTo("territory.error.parent-level"));
        assertThatThrownBy(() -> reorganisations.abolish(street, LATER, null))
                .isInstanceOfSatisfying(TerritoryException.class, e -> assertThat(e.messageKey()).isEqualTo("territory.error.has-children"));
        assertThatThrownBy(() -> reorganisations.rename(street, "旧名", LocalDate.of(1990, 1, 1), null))
                .isInstanceOfSatisfying(TerritoryException.class, e -> assertThat(e.messageKey()).isEqualTo("territory.error.date-before-history"));
        assertThatThrownBy(() -> create(p + "01001001001", "重复网格", communityA))
                .isInstanceOfSatisfying(TerritoryException.class, e -> assertThat(e.messageKey()).isEqualTo("territory.error.code-taken"));
        assertThatThrownBy(() -> DivisionCode.of("23080"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("select count(*) from territory_unit_version").query(Long.class).single()).isEqualTo(versions);
        assertThat(at(street, LATER).name()).isEqualTo("一街道");
    }

    @Test
    void queriesBeforeTheFirstRecordAreRefused() {
        assertThatThrownBy(() -> territory.tree(LocalDate.of(1949, 10, 1)))
                .isInstanceOfSatisfying(TerritoryException.class, e -> assertThat(e.field()).isEqualTo("date"));
    }

    @Test
    void jurisdictionSeesOnlyItsOwnUnits() {
        var streetStaff = Jurisdiction.units(java.util.Set.of(street));
        assertThat(territory.division(streetStaff, gridA1, null)).isPresent();
        assertThat(territory.division(streetStaff, district, null)).isEmpty();
        assertThat(territory.tree(null).find(gridA1).map(Division::level)).contains(DivisionLevel.GRID);
    }
}
