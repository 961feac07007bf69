package cn.linli.casework.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import cn.linli.casework.Categories;
import cn.linli.casework.Category;

class CategorySearchTest {

    private final CatalogueHistory defaults = new CatalogueHistory(DefaultCatalogue.checked(DefaultCatalogue.rows()));
    private final CategorySearch search = new CategorySearch(defaults.current());

    private List<String> codes(String query) {
        return search.find(query, 20).stream().map(m -> m.category().code().value()).toList();
    }

    @Test
    void aChineseFragmentFindsTheMinorCategoryWithItsPath() {
        List<Categories.Match> found = search.find("垃圾", 20);
        assertThat(found).extracting(m -> m.category().nameZh()).contains("暴露垃圾", "积存垃圾渣土");
        Categories.Match exposed = found.stream().filter(m -> m.category().nameZh().equals("暴露垃圾")).findFirst().orElseThrow();
        assertThat(exposed.path(Locale.SIMPLIFIED_CHINESE)).isEqualTo("事件 › 市容环境 › 暴露垃圾");
        assertThat(exposed.path(Locale.ENGLISH)).isEqualTo("Events › City appearance › Exposed rubbish");
    }

    @Test
    void theExactNameComesBeforeNamesThatOnlyContainIt() {
        assertThat(codes("暴露垃圾").get(0)).isEqualTo("SJ0102");
    }

    @Test
    void aCallersSentenceContainingTheNameFindsIt() {
        assertThat(codes("小区门口有暴露垃圾")).startsWith("SJ0102");
    }

    @Test
    void keywordsFindWhatCallersSay() {
        assertThat(codes("暖气不热")).startsWith("FW0701");
        assertThat(codes("井盖")).first().isEqualTo("BJ0101");
    }

    @Test
    void englishNamesAndCodesAreFoundIgnoringCase() {
        assertThat(codes("street light")).startsWith("BJ0201");
        assertThat(codes("sj0104")).containsExactly("SJ0104");
        assertThat(codes("SJ01")).first().isEqualTo("SJ0101");
        assertThat(codes("SJ01")).allMatch(c -> c.startsWith("SJ01"));
    }

    @Test
    void theMajorClassNameFindsItsMinorClasses() {
        assertThat(codes("供暖")).contains("FW0701", "FW0702", "FW0703", "FW0704");
    }

    @Test
    void onlyMinorCategoriesInForceAreOffered() {
        List<Category> all = new ArrayList<>();
        defaults.current().branches().forEach(b -> {
            all.add(b.major());
            b.minors().forEach(m -> all.add(m.code().value().equals("SJ0102") ? m.asRetired() : m));
        });
        var withRetired = new CategorySearch(new CatalogueHistory(all).current());
        assertThat(withRetired.find("暴露垃圾", 20)).extracting(m -> m.category().code().value()).doesNotContain("SJ0102");
        assertThat(codes("市容环境")).allMatch(c -> c.length() == 6);
    }

    @Test
    void blankQueriesFindNothingAndResultsAreCapped() {
        assertThat(search.find("  ", 20)).isEmpty();
        assertThat(search.find(null, 20)).isEmpty();
        assertThat(search.find("FW", 3)).hasSize(3);
    }

    @Test
    void searchIsFastEnoughForTyping() {
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) search.find(i % 2 == 0 ? "垃圾" : "heating", 20);
        // A thousand searches well under a second: each keystroke is answered from memory.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
    }
}
