package cn.linli.casework.catalogue;

import static cn.linli.casework.catalogue.Drafts.major;
import static cn.linli.casework.catalogue.Drafts.minor;
import static cn.linli.casework.catalogue.Drafts.small;
import static cn.linli.casework.catalogue.Drafts.withLimit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import cn.linli.casework.CaseStage;
import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.casework.CategoryCode;
import cn.linli.casework.CategoryException;
import cn.linli.worktime.TimeLimitUnit;

class CategoryRulesTest {

    private final CatalogueHistory catalogue = small();

    @Test
    void minorCategoryTakesItsFamilyFromTheMajorAbove() {
        Category c = CategoryRules.forNew(minor("SJ0110", "SJ01", "沿街晾挂", "Laundry"), catalogue);
        assertThat(c.family()).isEqualTo(Category.Family.EVENT);
        assertThat(c.parentCode()).isEqualTo(new CategoryCode("SJ01"));
        assertThat(c.limits().limit(CaseStage.HANDLE, false).unit()).isEqualTo(TimeLimitUnit.WORKING_DAYS);
    }

    @Test
    void codeMustBeTwoCapitalLettersAndTwoToSixDigits() {
        assertProblems(() -> CategoryRules.forNew(minor("S-01", "SJ01", "甲", "A"), catalogue), "code", "casework.error.code-format");
        assertProblems(() -> CategoryRules.forNew(minor("SJ0123456", "SJ01", "甲", "A"), catalogue), "code", "casework.error.code-format");
        assertThat(CategoryRules.forNew(minor(" sj0110 ", "SJ01", "甲", "A"), catalogue).code().value()).isEqualTo("SJ0110");
    }

    @Test
    void aCodeIsNeverUsedTwiceNotEvenAfterRetirement() {
        assertProblems(() -> CategoryRules.forNew(minor("SJ0102", "SJ01", "甲", "A"), catalogue), "code", "casework.error.code-duplicate");
        List<Category> all = new ArrayList<>(catalogue.versions(new CategoryCode("SJ01")));
        all.add(catalogue.latest(new CategoryCode("SJ0104")).orElseThrow().asRetired());
        assertProblems(() -> CategoryRules.forNew(minor("SJ0104", "SJ01", "甲", "A"), new CatalogueHistory(all)),
                "code", "casework.error.code-duplicate");
    }

    @Test
    void parentMustExistAndBeAMajorCategory() {
        assertProblems(() -> CategoryRules.forNew(minor("SJ0110", "SJ09", "甲", "A"), catalogue), "parentCode", "casework.error.parent-unknown");
        assertProblems(() -> CategoryRules.forNew(minor("SJ0110", "SJ0102", "甲", "A"), catalogue), "parentCode", "casework.error.parent-not-major");
    }

    @Test
    void majorCategoryWithMinorsCannotBecomeAMinorOne() {
        Categories.Draft moved = new Categories.Draft("SJ01", "BJ01", null, "市容环境", "City appearance", Drafts.limits("1WH", "1WH", "1WD", "1WH"),
                Drafts.limits("1WH", "1WH", "1WD", "1WH"), "甲", "乙", true, false, false, "TERRITORIAL", null, List.of(), null);
        assertProblems(() -> CategoryRules.forUpdate(new CategoryCode("SJ01"), moved, catalogue), "parentCode", "casework.error.has-minors");
    }

    @Test
    void everyMissingNameAndConditionIsReportedAtOnce() {
        var d = new Categories.Draft("SJ0110", "SJ01", null, " ", null, Drafts.limits("1WH", "1WH", "1WD", "1WH"),
                Drafts.limits("1WH", "1WH", "1WD", "1WH"), null, "", true, false, false, "DEPARTMENT", "", List.of(), null);
        assertThatThrownBy(() -> CategoryRules.forNew(d, catalogue)).isInstanceOfSatisfying(CategoryException.class, e ->
                assertThat(e.problems()).extracting(CategoryException.Problem::field)
                        .containsExactlyInAnyOrder("nameZh", "nameEn", "registerCondition", "closeCondition", "department"));
    }

    @Test
    void limitsMustBePositiveAndAtMostAboutAYear() {
        var base = minor("SJ0110", "SJ01", "甲", "A");
        assertProblems(() -> CategoryRules.forNew(withLimit(base, CaseStage.HANDLE, false, 0, "WORKING_DAYS"), catalogue),
                "limits.HANDLE", "casework.error.limit-amount");
        assertProblems(() -> CategoryRules.forNew(withLimit(base, CaseStage.HANDLE, false, -3, "WD"), catalogue),
                "limits.HANDLE", "casework.error.limit-amount");
        assertProblems(() -> CategoryRules.forNew(withLimit(base, CaseStage.HANDLE, false, 366, "WD"), catalogue),
                "limits.HANDLE", "casework.error.limit-too-long");
        assertProblems(() -> CategoryRules.forNew(withLimit(base, CaseStage.VERIFY, false, 2, "weeks"), catalogue),
                "limits.VERIFY", "casework.error.limit-unit");
        assertProblems(() -> CategoryRules.forNew(withLimit(base, CaseStage.DISPATCH, true, null, "WH"), catalogue),
                "urgentLimits.DISPATCH", "casework.error.limit-missing");
        assertThat(CategoryRules.forNew(withLimit(base, CaseStage.HANDLE, false, 365, "WD"), catalogue)
                .limits().limit(CaseStage.HANDLE, false).amount()).isEqualTo(365);
    }

    @Test
    void urgentLimitMayNotBeLongerThanTheNormalOne() {
        var base = minor("SJ0110", "SJ01", "甲", "A");
        assertProblems(() -> CategoryRules.forNew(withLimit(base, CaseStage.HANDLE, true, 2, "WD"), catalogue),
                "urgentLimits.HANDLE", "casework.error.urgent-longer");
        // 24 natural hours count as one working day: as long as the normal limit, so accepted.
        assertThat(CategoryRules.forNew(withLimit(base, CaseStage.HANDLE, true, 24, "NH"), catalogue)).isNotNull();
    }

    @Test
    void majorCategoryNeedsAFamilyAndTakesNoLimits() {
        assertProblems(() -> CategoryRules.forNew(major("SJ07", null, "扩展事件"), catalogue), "family", "casework.error.family-missing");
        var withLimits = new Categories.Draft("SJ07", null, "EVENT", "扩展事件", "Extension", Drafts.limits("1WH", "1WH", "1WD", "1WH"),
                null, null, null, true, false, false, null, null, List.of(), null);
        assertProblems(() -> CategoryRules.forNew(withLimits, catalogue), "limits", "casework.error.major-limits");
    }

    @Test
    void aRetiredCategoryCannotBeEdited() {
        List<Category> all = new ArrayList<>(catalogue.versions(new CategoryCode("SJ01")));
        Category retired = catalogue.latest(new CategoryCode("SJ0104")).orElseThrow().asRetired().asVersion(2, Instant.EPOCH);
        all.add(retired);
        assertProblems(() -> CategoryRules.forUpdate(new CategoryCode("SJ0104"), minor("SJ0104", "SJ01", "道路不洁", "Road"),
                new CatalogueHistory(all)), "code", "casework.error.retired");
    }

    @Test
    void theCodeOfAnExistingCategoryCannotChange() {
        assertProblems(() -> CategoryRules.forUpdate(new CategoryCode("SJ0104"), minor("SJ0105", "SJ01", "道路不洁", "Road"), catalogue),
                "code", "casework.error.code-changed");
    }

    private static void assertProblems(ThrowingCallable call, String field, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CategoryException.class, e ->
                assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo(field);
                    assertThat(p.key()).isEqualTo(key);
                }));
    }
}
