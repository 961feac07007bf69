package cn.linli.casework.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import cn.linli.casework.Categories;
import cn.linli.casework.Category;

/**
 * The intake search over the minor classes in force, in memory: call-takers type while the caller speaks, so it must
 * answer at once. Ranks an exact or leading code first, then the Chinese name (equal, leading, containing, or
 * contained in what was typed, as in 小区门口有暴露垃圾), keywords, the English name, and last the major class.
 */
public final class CategorySearch {

    public static final int MAX_RESULTS = 100;

    private record Entry(Categories.Match match, String code, String nameZh, String nameEn, String majorZh, String majorEn,
            List<String> keywords) {
    }

    private record Hit(Categories.Match match, int score) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public CategorySearch(Catalogue catalogue) {
        for (Categories.Branch branch : catalogue.branches()) {
            Category major = branch.major();
            for (Category minor : branch.minors()) {
                entries.add(new Entry(new Categories.Match(minor, major), lower(minor.code().value()), normal(minor.nameZh()),
                        lower(minor.nameEn()), normal(major.nameZh()), lower(major.nameEn()),
                        minor.keywords().stream().map(CategorySearch::normal).filter(k -> !k.isEmpty()).toList()));
            }
        }
    }

    public List<Categories.Match> find(String query, int limit) {
        String q = normal(query);
        if (q.isEmpty()) return List.of();
        String words = lower(query == null ? "" : query.strip());
        List<Hit> hits = new ArrayList<>();
        for (Entry e : entries) {
            int score = score(e, q, words);
            if (score > 0) hits.add(new Hit(e.match(), score));
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparing(h -> h.match().category().code()));
        return hits.stream().limit(Math.max(1, Math.min(limit, MAX_RESULTS))).map(Hit::match).toList();
    }

    private static int score(Entry e, String q, String words) {
        if (e.code().equals(q)) return 100;
        if (e.code().startsWith(q)) return 90;
        if (e.nameZh().equals(q)) return 80;
        if (e.nameZh().startsWith(q)) return 70;
        if (e.nameZh().contains(q)) return 60;
        if (q.length() > e.nameZh().length() && q.contains(e.nameZh())) return 55;
        for (String k : e.keywords()) {
            if (k.contains(q) || q.contains(k)) return 50;
        }
        if (e.nameEn().contains(words)) return e.nameEn().startsWith(words) ? 48 : 45;
        if (e.majorZh().contains(q) || e.majorEn().contains(words)) return 30;
        return 0;
    }

    /** Lower case without spaces: Chinese has none, and a caller's words typed with stray spaces should still match. */
    private static String normal(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
