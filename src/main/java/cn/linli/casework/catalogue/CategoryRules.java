package cn.linli.casework.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import cn.linli.casework.CaseStage;
import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.casework.CategoryCode;
import cn.linli.casework.CategoryException;
import cn.linli.casework.CategoryException.Problem;

/**
 * Checks a draft against the catalogue and turns it into a category's content, or reports every problem at once
 * (field and reason), so an administrator corrects a form in one go and bad input changes nothing.
 */
public final class CategoryRules {

    public static final int NAME_ZH_MAX = 60;
    public static final int NAME_EN_MAX = 120;
    public static final int CONDITION_MAX = 1000;
    public static final int KEYWORD_MAX = 20;
    static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z0-9-]{1,23}");

    private final Catalogue current;
    private final CatalogueHistory history;
    private final List<Problem> problems = new ArrayList<>();

    private CategoryRules(CatalogueHistory history) {
        this.history = history;
        this.current = history.current();
    }

    /** A new category: its code must never have been used, not even by a retired category. */
    public static Category forNew(Categories.Draft draft, CatalogueHistory history) {
        var rules = new CategoryRules(history);
        CategoryCode code = rules.code("code", draft.code());
        if (code != null && history.knows(code)) rules.problem("code", "casework.error.code-duplicate", code.value());
        return rules.content(code, draft, null);
    }

    /** A new version of an existing category in force. */
    public static Category forUpdate(CategoryCode code, Categories.Draft draft, CatalogueHistory history) {
        Category existing = history.latest(code).orElseThrow(() -> CategoryException.notFound(code.value()));
        if (existing.retired()) throw new CategoryException("code", "casework.error.retired", code.value());
        var rules = new CategoryRules(history);
        if (draft.code() != null && !draft.code().isBlank() && !code.value().equalsIgnoreCase(draft.code().strip())) {
            rules.problem("code", "casework.error.code-changed", code.value());
        }
        return rules.content(code, draft, existing);
    }

    private Category content(CategoryCode code, Categories.Draft d, Category existing) {
        Category parent = parent(code, d.parentCode(), existing);
        boolean minor = parent != null || (d.parentCode() != null && !d.parentCode().isBlank());
        Category.Family family = minor ? (parent == null ? null : parent.family()) : family(d.family());
        String nameZh = text("nameZh", d.nameZh(), NAME_ZH_MAX, true);
        String nameEn = text("nameEn", d.nameEn(), NAME_EN_MAX, true);
        Category.Limits limits = minor ? new LimitChecks(problems).limits(d.limits(), d.urgentLimits()) : noLimits(d);
        String register = text("registerCondition", d.registerCondition(), CONDITION_MAX, minor);
        String close = text("closeCondition", d.closeCondition(), CONDITION_MAX, minor);
        Category.Handler handler = minor ? handler(d.handler(), d.department()) : null;
        List<String> keywords = keywords(d.keywords());
        text("note", d.note(), 500, false);
        if (!problems.isEmpty()) throw new CategoryException(CategoryException.Kind.INVALID, problems);
        return new Category(code, parent == null ? null : parent.code(), family, nameZh, nameEn, limits, register, close,
                d.published(), d.confidential(), d.sensitive(), handler, keywords, false, 0, null, null);
    }

    private CategoryCode code(String field, String text) {
        try {
            return CategoryCode.of(text);
        } catch (CategoryException e) {
            problems.addAll(e.atField(field).problems());
            return null;
        }
    }

    /** The parent in force, which must be a major class; a major class with minors of its own cannot become one. */
    private Category parent(CategoryCode self, String text, Category existing) {
        if (text == null || text.isBlank()) return null;
        CategoryCode code = code("parentCode", text);
        if (code == null) return null;
        Category parent = current.find(code).orElse(null);
        if (parent == null || code.equals(self)) {
            problem("parentCode", "casework.error.parent-unknown", code.value());
            return null;
        }
        if (!parent.isMajor()) {
            problem("parentCode", "casework.error.parent-not-major", code.value());
            return null;
        }
        if (existing != null && existing.isMajor() && !current.minorsOf(self).isEmpty()) {
            problem("parentCode", "casework.error.has-minors", self.value());
        }
        return parent;
    }

    private Category.Family family(String text) {
        if (text == null || text.isBlank()) {
            problem("family", "casework.error.family-missing");
            return null;
        }
        try {
            return Category.Family.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem("family", "casework.error.family-unknown", text);
            return null;
        }
    }

    private Category.Limits noLimits(Categories.Draft d) {
        if (!isEmpty(d.limits()) || !isEmpty(d.urgentLimits())) problem("limits", "casework.error.major-limits");
        return Category.Limits.NONE;
    }

    private static boolean isEmpty(Map<CaseStage, Categories.LimitInput> limits) {
        return limits == null || limits.values().stream().allMatch(l -> l == null || (l.amount() == null && (l.unit() == null || l.unit().isBlank())));
    }

    private Category.Handler handler(String kind, String department) {
        if (kind == null || kind.isBlank()) {
            problem("handler", "casework.error.handler-missing");
            return null;
        }
        Category.HandlerKind parsed;
        try {
            parsed = Category.HandlerKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem("handler", "casework.error.handler-unknown", kind);
            return null;
        }
        if (parsed == Category.HandlerKind.TERRITORIAL) return Category.Handler.territorial();
        String key = department == null ? "" : department.strip();
        if (key.isEmpty()) {
            problem("department", "casework.error.department-missing");
        } else if (!DEPARTMENT.matcher(key).matches()) {
            problem("department", "casework.error.department-format", key);
        }
        return Category.Handler.department(key);
    }

    private List<String> keywords(List<String> given) {
        List<String> result = new ArrayList<>();
        for (String k : given == null ? List.<String>of() : given) {
            String word = k == null ? "" : k.strip();
            if (word.isEmpty() || result.contains(word)) continue;
            if (word.length() > KEYWORD_MAX || word.contains("、")) problem("keywords", "casework.error.keyword", word, KEYWORD_MAX);
            result.add(word);
        }
        return result;
    }

    private String text(String field, String value, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) problem(field, "casework.error.missing." + field);
            return null;
        }
        if (text.length() > max) problem(field, "casework.error.too-long", max);
        return text;
    }

    private void problem(String field, String key, Object... arguments) {
        problems.add(new Problem(field, key, arguments));
    }
}
