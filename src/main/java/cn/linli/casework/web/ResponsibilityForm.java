package cn.linli.casework.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

import cn.linli.casework.CaseRuleException;
import cn.linli.casework.ResponsibilityRules;

/** The rule form as the browser posts it: ids read as numbers (a bad one names its field), the rest as typed. */
record ResponsibilityForm(Long id, String categoryCode, String placeUnitId, String mainUnit, List<String> coUnits, String note) {

    static ResponsibilityForm of(MultiValueMap<String, String> posted) {
        List<String> co = posted.getOrDefault("coUnits", List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
        return new ResponsibilityForm(DeskForm.id(posted.getFirst("id"), "id"), posted.getFirst("categoryCode"),
                posted.getFirst("placeUnitId"), posted.getFirst("mainUnit"), co, posted.getFirst("note"));
    }

    ResponsibilityRules.Draft draft() {
        Set<Long> co = new LinkedHashSet<>();
        for (String unit : coUnits) co.add(number(unit, "coUnits", "case.error.unit-unknown"));
        return new ResponsibilityRules.Draft(categoryCode, number(placeUnitId, "placeUnitId", "case.error.place-unknown"),
                number(mainUnit, "mainUnit", "case.error.unit-unknown"), co, note);
    }

    /** The form as typed, to show again with its error. */
    Map<String, String> typed() {
        Map<String, String> typed = new LinkedHashMap<>();
        if (id != null) typed.put("id", String.valueOf(id));
        typed.put("categoryCode", categoryCode);
        typed.put("placeUnitId", placeUnitId);
        typed.put("mainUnit", mainUnit);
        typed.put("note", note);
        return typed;
    }

    List<Long> coUnitsTyped() {
        List<Long> ids = new ArrayList<>();
        for (String unit : coUnits) {
            try {
                ids.add(Long.valueOf(unit.strip()));
            } catch (NumberFormatException e) {
                // shown again without the unreadable choice
            }
        }
        return ids;
    }

    private static Long number(String text, String field, String messageKey) {
        if (text == null || text.isBlank()) return null;
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw CaseRuleException.invalid(field, messageKey, text.strip());
        }
    }
}
