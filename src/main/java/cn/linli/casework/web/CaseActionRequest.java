package cn.linli.casework.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import cn.linli.casework.CaseRuleException;
import cn.linli.casework.Categories;
import cn.linli.casework.Satisfaction;

/**
 * The input of one transition, from a JSON body or a page's form: the version the user saw and whatever the step
 * needs (a unit to dispatch to, a reason, a result …). Fields a step does not use are ignored.
 */
record CaseActionRequest(Long version, Long unitId, Set<Long> coUnits, String note, String reason, String result,
        Boolean passed, Satisfaction satisfaction, Boolean reopen, Instant until, Boolean approve, Long targetId,
        String targetNumber, String instructions, String answer, String categoryCode, Boolean urgent) {

    /** From a page's form: numbers, choices and the date typed there, each refused by name when it is not one. */
    static CaseActionRequest fromForm(Map<String, String> form) {
        return new CaseActionRequest(number(form, "version"), number(form, "unitId"), numbers(form, "coUnits"),
                text(form, "note"), text(form, "reason"), text(form, "result"), flag(form, "passed"),
                satisfaction(text(form, "satisfaction")), flag(form, "reopen"), until(text(form, "until")), flag(form, "approve"),
                number(form, "targetId"), text(form, "targetNumber"), text(form, "instructions"), text(form, "answer"),
                text(form, "categoryCode"), flag(form, "urgent"));
    }

    long requiredVersion() {
        if (version == null) throw CaseRuleException.invalid("version", "caseweb.error.required");
        return version;
    }

    static <T> T required(String field, T value) {
        if (value == null || (value instanceof String s && s.isBlank())) throw CaseRuleException.invalid(field, "caseweb.error.required");
        return value;
    }

    private static String text(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value;
    }

    private static Long number(Map<String, String> form, String field) {
        String value = text(form, field);
        if (value == null) return null;
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw CaseRuleException.invalid(field, "caseweb.error.number");
        }
    }

    private static Set<Long> numbers(Map<String, String> form, String field) {
        String value = text(form, field);
        if (value == null) return Set.of();
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : Arrays.stream(value.split("[,，\\s]+")).filter(p -> !p.isBlank()).toList()) {
            try {
                ids.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                throw CaseRuleException.invalid(field, "caseweb.error.number");
            }
        }
        return ids;
    }

    /** A checkbox sends "on" (or the value it carries), a choice "true"/"false"; absent means no choice made. */
    private static Boolean flag(Map<String, String> form, String field) {
        String value = text(form, field);
        if (value == null) return null;
        return switch (value.strip()) {
            case "true", "on", "yes" -> true;
            case "false", "no" -> false;
            default -> throw CaseRuleException.invalid(field, "caseweb.error.choice");
        };
    }

    private static Satisfaction satisfaction(String value) {
        if (value == null) return null;
        try {
            return Satisfaction.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw CaseRuleException.invalid("satisfaction", "caseweb.error.choice");
        }
    }

    /** A date and time typed in the city's time (datetime-local), or a date, meaning the close of that day. */
    private static Instant until(String value) {
        if (value == null) return null;
        try {
            String v = value.strip();
            LocalDateTime local = v.length() == 10 ? java.time.LocalDate.parse(v).atTime(17, 0) : LocalDateTime.parse(v);
            return local.atZone(Categories.CITY_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw CaseRuleException.invalid("until", "caseweb.error.date");
        }
    }
}
