package cn.linli.casework.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.linli.casework.CaseStage;
import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.casework.CategoryCode;
import cn.linli.worktime.TimeLimitUnit;
import cn.linli.worktime.TimeLimit;

/** The shipped catalogue obeys the same rules as an administrator's input and carries the standards' figures. */
class CategoryDefaultCatalogueTest {

    private final Catalogue catalogue = new CatalogueHistory(DefaultCatalogue.checked(DefaultCatalogue.rows())).current();

    private Category get(String code) {
        return catalogue.find(new CategoryCode(code)).orElseThrow();
    }

    private TimeLimit handling(String code) {
        return get(code).limits().limit(CaseStage.HANDLE, false);
    }

    @Test
    void holdsAtLeastSixtyMinorCategoriesUnderTheThreeFamilies() {
        assertThat(catalogue.minors()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(catalogue.branches()).extracting(b -> b.major().family()).contains(Category.Family.values());
        assertThat(catalogue.branches()).allSatisfy(b -> assertThat(b.minors()).isNotEmpty());
    }

    @Test
    void majorClassesAreTheStandardsComponentAndEventClasses() {
        List<String> components = catalogue.branches().stream().map(Categories.Branch::major)
                .filter(m -> m.family() == Category.Family.COMPONENT).map(m -> m.code() + " " + m.nameZh()).toList();
        assertThat(components).containsExactly("BJ01 公用设施", "BJ02 道路交通", "BJ03 市容环境", "BJ04 园林绿化", "BJ05 房屋土地", "BJ06 其他设施");
        List<String> events = catalogue.branches().stream().map(Categories.Branch::major)
                .filter(m -> m.family() == Category.Family.EVENT).map(m -> m.code() + " " + m.nameZh()).toList();
        assertThat(events).containsExactly("SJ01 市容环境", "SJ02 宣传广告", "SJ03 施工管理", "SJ04 突发事件", "SJ05 街面秩序", "SJ06 其他事件");
    }

    @Test
    void handlingLimitsFollowTheStandardsExamples() {
        assertThat(handling("SJ0104")).isEqualTo(new TimeLimit(5, TimeLimitUnit.WORKING_HOURS));
        assertThat(handling("SJ0102")).isEqualTo(new TimeLimit(1, TimeLimitUnit.WORKING_DAYS));
        assertThat(handling("SJ0103")).isEqualTo(new TimeLimit(4, TimeLimitUnit.WORKING_DAYS));
        assertThat(handling("SJ0101")).isEqualTo(new TimeLimit(15, TimeLimitUnit.WORKING_DAYS));
        assertThat(handling("BJ0101")).isEqualTo(new TimeLimit(6, TimeLimitUnit.NATURAL_HOURS));
        assertThat(handling("FW0202")).isEqualTo(new TimeLimit(2, TimeLimitUnit.WORKING_DAYS));
        assertThat(handling("FW0701")).isEqualTo(new TimeLimit(24, TimeLimitUnit.NATURAL_HOURS));
    }

    @Test
    void everyMinorCategoryHasLimitsConditionsAndAHandler() {
        assertThat(catalogue.minors()).allSatisfy(c -> {
            assertThat(c.limits().normal()).hasSize(CaseStage.values().length);
            assertThat(c.limits().urgent()).hasSize(CaseStage.values().length);
            assertThat(c.registerCondition()).isNotBlank();
            assertThat(c.closeCondition()).isNotBlank();
            assertThat(c.handler()).isNotNull();
        });
    }

    @Test
    void utilityMattersGoToTheirCompaniesNotToCommunities() {
        assertThat(get("FW0701").handler()).isEqualTo(Category.Handler.department("gongre"));
        assertThat(get("FW0801").handler()).isEqualTo(Category.Handler.department("gongshui"));
        assertThat(get("FW0901").handler()).isEqualTo(Category.Handler.department("gongdian"));
        assertThat(get("FW1001").handler()).isEqualTo(Category.Handler.department("ranqi"));
        assertThat(get("SJ0101").handler()).isEqualTo(Category.Handler.department("chengguan"));
    }

    @Test
    void welfareAndPersonalMattersAreConfidential() {
        assertThat(List.of("FW0201", "FW0102", "FW0301", "FW0401", "FW1101")).allSatisfy(code -> assertThat(get(code).confidential()).isTrue());
        assertThat(get("SJ0102").confidential()).isFalse();
        assertThat(get("FW0501").sensitive()).isTrue();
    }
}
