package cn.linli.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.linli.access.UserDirectory;
import cn.linli.organisation.internal.OfficeSync;
import cn.linli.shared.DivisionCode;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.NewUnit;
import cn.linli.territory.Reorganisations;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.IntegrationTest;

/** Offices derived from the demo territory, routing by place and category, and offices kept in step with the territory. */
@IntegrationTest
class OrganisationRoutingIT {

    private static final AtomicInteger PREFECTURES = new AtomicInteger(10);

    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;
    @Autowired Reorganisations reorganisations;
    @Autowired UserDirectory users;
    @Autowired OfficeSync sync;

    long unit(String code) {
        return territory.tree(null).findByCode(code).orElseThrow().id();
    }

    @Test
    void yonganCommunityOfficeEscalatesToYonganStreetThenToTheQianjinGovernment() {
        HandlingUnit community = organisation.officeOf(unit("230804007001")).orElseThrow();
        assertThat(community.kind()).isEqualTo(UnitKind.COMMUNITY_OFFICE);
        assertThat(community.name()).isEqualTo("永安社区居民委员会");
        HandlingUnit street = organisation.supervisorOf(community.id()).orElseThrow();
        assertThat(street.name()).isEqualTo("永安街道办事处");
        HandlingUnit government = organisation.supervisorOf(street.id()).orElseThrow();
        assertThat(government.name()).isEqualTo("前进区人民政府");
        assertThat(government.kind()).isEqualTo(UnitKind.DISTRICT_GOVERNMENT);
        assertThat(organisation.supervisorOf(government.id())).isEmpty();
    }

    @Test
    void aGridIsServedByItsCommunityOfficeAndItsDistrictGovernment() {
        long grid = unit("230804007001001");
        assertThat(organisation.officeOf(grid).orElseThrow().name()).isEqualTo("永安社区居民委员会");
        assertThat(organisation.districtGovernmentFor(grid).orElseThrow().name()).isEqualTo("前进区人民政府");
        assertThat(organisation.gridWorkersOf(grid)).extracting(u -> u.username()).containsExactly("wanggeyuan");
    }

    @Test
    void everyCountyLevelUnitHasItsGovernment() {
        DivisionTree tree = territory.tree(null);
        long city = unit("230800000000");
        assertThat(tree.children(city)).hasSize(10)
                .allSatisfy(county -> assertThat(organisation.districtGovernmentFor(county.id())).isPresent());
    }

    @Test
    void heatingInQianjinGoesToTheHeatingCompany() {
        assertThat(organisation.departmentsHandling("gongre", unit("230804007001001")))
                .extracting(HandlingUnit::name).containsExactly("佳木斯市供热公司");
    }

    @Test
    void heatingInACountyTownIsNotTheCityHeatingCompanysMatter() {
        assertThat(organisation.departmentsHandling("gongre", unit("230822000000"))).isEmpty();
    }

    @Test
    void theDistrictBureauComesBeforeTheCityBureau() {
        assertThat(organisation.departmentsHandling("chengguan", unit("230804007001")))
                .extracting(HandlingUnit::name).containsExactly("前进区城市管理局", "佳木斯市城市管理综合执法局");
        assertThat(organisation.departmentsHandling("chengguan", unit("230805000000")))
                .extracting(HandlingUnit::name).containsExactly("佳木斯市城市管理综合执法局");
    }

    @Test
    void aCategoryNoDepartmentHandlesFindsNobodySoCaseworkFallsBackToTheDistrict() {
        long place = unit("230804007001");
        assertThat(organisation.departmentsHandling("no-such-category", place)).isEmpty();
        assertThat(organisation.districtGovernmentFor(place).orElseThrow().name()).isEqualTo("前进区人民政府");
    }

    @Test
    void demoDepartmentStaffActForTheirDepartments() {
        long chengguan = users.findByUsername("chengguan").orElseThrow().id();
        assertThat(organisation.unitsOf(chengguan)).extracting(HandlingUnit::name).containsExactly("佳木斯市城市管理综合执法局");
        long gongre = users.findByUsername("gongre").orElseThrow().id();
        assertThat(organisation.unitsOf(gongre)).extracting(HandlingUnit::name).containsExactly("佳木斯市供热公司");
        assertThat(organisation.supervisorOf(organisation.unitsOf(gongre).get(0).id()).orElseThrow().name())
                .isEqualTo("佳木斯市住房和城乡建设局");
    }

    @Test
    void officesFollowTheTerritoryAndKeepTheirIds() {
        String p = "97" + PREFECTURES.getAndIncrement();
        LocalDate start = LocalDate.of(2024, 1, 1);
        LocalDate later = LocalDate.of(2025, 3, 1);
        long city = create(p + "00000000", "测试市", null, start);
        long district = create(p + "01000000", "甲区", city, start);
        long street = create(p + "01001000", "一街道", district, start);
        long east = create(p + "01001001", "东社区", street, start);
        long west = create(p + "01001002", "西社区", street, start);

        HandlingUnit eastOffice = organisation.officeOf(east).orElseThrow();
        HandlingUnit streetOffice = organisation.officeOf(street).orElseThrow();
        assertThat(organisation.supervisorOf(eastOffice.id())).contains(streetOffice);
        assertThat(organisation.supervisorOf(streetOffice.id()).orElseThrow().name()).isEqualTo("甲区人民政府");

        reorganisations.rename(east, "东风社区", later, null);
        HandlingUnit renamed = organisation.officeOf(east).orElseThrow();
        assertThat(renamed.id()).isEqualTo(eastOffice.id());
        assertThat(renamed.name()).isEqualTo("东风社区居民委员会");

        HandlingUnit westOffice = organisation.officeOf(west).orElseThrow();
        reorganisations.abolish(west, later, "撤销");
        assertThat(organisation.officeOf(west)).isEmpty();
        assertThat(organisation.find(westOffice.id()).orElseThrow().active()).isFalse();

        reorganisations.abolishStreets(district, later, "区直管社区");
        assertThat(organisation.find(streetOffice.id()).orElseThrow().active()).isFalse();
        assertThat(organisation.supervisorOf(renamed.id()).orElseThrow().name()).isEqualTo("甲区人民政府");
        assertThat(organisation.officeOf(east).orElseThrow().id()).isEqualTo(eastOffice.id());

        assertThat(sync.reconcile()).as("a second pass changes nothing").isZero();
    }

    long create(String code, String name, Long parent, LocalDate on) {
        return reorganisations.create(new NewUnit(DivisionCode.of(code), name, null, null, parent), on, null);
    }
}
