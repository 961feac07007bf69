package cn.linli.casework.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.linli.casework.CaseStage;
import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.worktime.TimeLimit;

/**
 * The edit form's fields as a flat map of strings, both ways: from a category to prefill the form, and from a
 * submission to a draft. A rejected submission is shown again as it was typed, with the reasons next to it.
 */
final class CategoryForm {

    private CategoryForm() {
    }

    static Map<String, String> of(Category c) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", c.code().value());
        form.put("parentCode", c.parentCode() == null ? "" : c.parentCode().value());
        form.put("family", c.family().name());
        form.put("nameZh", c.nameZh());
        form.put("nameEn", c.nameEn());
        for (CaseStage stage : CaseStage.values()) {
            put(form, "limit." + stage, c.limits().limit(stage, false));
            put(form, "urgent." + stage, c.limits().limit(stage, true));
        }
        form.put("registerCondition", orEmpty(c.registerCondition()));
        form.put("closeCondition", orEmpty(c.closeCondition()));
        if (c.published()) form.put("published", "on");
        if (c.confidential()) form.put("confidential", "on");
        if (c.sensitive()) form.put("sensitive", "on");
        form.put("handler", c.handler() == null ? "" : c.handler().kind().name());
        form.put("department", c.handler() == null ? "" : orEmpty(c.handler().department()));
        form.put("keywords", String.join("、", c.keywords()));
        return form;
    }

    static Categories.Draft draft(Map<String, String> form) {
        Map<CaseStage, Categories.LimitInput> normal = new EnumMap<>(CaseStage.class);
        Map<CaseStage, Categories.LimitInput> urgent = new EnumMap<>(CaseStage.class);
        for (CaseStage stage : CaseStage.values()) {
            limit(form, "limit." + stage).ifPresent(l -> normal.put(stage, l));
            limit(form, "urgent." + stage).ifPresent(l -> urgent.put(stage, l));
        }
        String keywords = form.getOrDefault("keywords", "");
        List<String> words = Arrays.stream(keywords.split("[、,，;；\\s]+")).filter(w -> !w.isBlank()).toList();
        return new Categories.Draft(form.get("code"), form.get("parentCode"), form.get("family"), form.get("nameZh"),
                form.get("nameEn"), normal, urgent, form.get("registerCondition"), form.get("closeCondition"),
                form.containsKey("published"), form.containsKey("confidential"), form.containsKey("sensitive"),
                form.get("handler"), form.get("department"), words, form.get("note"));
    }

    /** A stage's amount and unit; an amount that is not a whole number reaches the rules as 0, which they refuse. */
    private static java.util.Optional<Categories.LimitInput> limit(Map<String, String> form, String prefix) {
        String amount = form.getOrDefault(prefix + ".amount", "").strip();
        String unit = form.getOrDefault(prefix + ".unit", "");
        if (amount.isEmpty()) return java.util.Optional.empty();
        Integer parsed;
        try {
            parsed = Integer.valueOf(amount);
        } catch (NumberFormatException e) {
            parsed = 0;
        }
        return java.util.Optional.of(new Categories.LimitInput(parsed, unit));
    }

    private static void put(Map<String, String> form, String prefix, TimeLimit limit) {
        form.put(prefix + ".amount", limit == null ? "" : String.valueOf(limit.amount()));
        form.put(prefix + ".unit", limit == null ? "" : limit.unit().name());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
