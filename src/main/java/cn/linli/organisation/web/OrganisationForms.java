package cn.linli.organisation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.access.CurrentActor;
import cn.linli.organisation.DepartmentDraft;
import cn.linli.organisation.MemberRole;
import cn.linli.organisation.OrganisationException;
import cn.linli.organisation.OrganisationManagement;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/**
 * The administrators' forms: a new department, a department's attributes, members. Territory units are named by
 * their codes, as staff know them. Each form comes back with the outcome, or with the rejected field and reason in
 * the user's language and nothing changed.
 */
@Controller
class OrganisationForms {

    private final OrganisationManagement management;
    private final TerritoryQueries territory;
    private final CurrentActor actors;
    private final MessageSource messages;

    OrganisationForms(OrganisationManagement management, TerritoryQueries territory, CurrentActor actors, MessageSource messages) {
        this.management = management;
        this.territory = territory;
        this.actors = actors;
        this.messages = messages;
    }

    @PostMapping("/organisation/units")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String departmentKey,
            @RequestParam(required = false) String homeCode, @RequestParam(required = false) String coverageCodes,
            @RequestParam(required = false) String categories, @RequestParam(required = false) Long supervisorId,
            @RequestParam(required = false) String phone, Locale locale, RedirectAttributes redirect) {
        return perform("/organisation/units", locale, redirect, () -> {
            var unit = management.createDepartment(actors.current(),
                    draft(name, departmentKey, homeCode, coverageCodes, categories, supervisorId, phone, true, null, null));
            return "/organisation/units/" + unit.id();
        });
    }

    @PostMapping("/organisation/units/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String departmentKey,
            @RequestParam(required = false) String homeCode, @RequestParam(required = false) String coverageCodes,
            @RequestParam(required = false) String categories, @RequestParam(required = false) Long supervisorId,
            @RequestParam(required = false) String phone, @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(required = false) String validTo, Locale locale, RedirectAttributes redirect) {
        return perform("/organisation/units/" + id, locale, redirect, () -> {
            management.updateDepartment(actors.current(), id, draft(name, departmentKey, homeCode, coverageCodes, categories,
                    supervisorId, phone, active, null, date("validTo", validTo)));
            return "/organisation/units/" + id;
        });
    }

    @PostMapping("/organisation/units/{id}/members")
    String addMember(@PathVariable long id, @RequestParam(required = false) String username,
            @RequestParam(required = false) MemberRole role, Locale locale, RedirectAttributes redirect) {
        return perform("/organisation/units/" + id, locale, redirect, () -> {
            management.addMember(actors.current(), id, username, role);
            return "/organisation/units/" + id;
        });
    }

    @PostMapping("/organisation/units/{id}/members/{userId}/remove")
    String removeMember(@PathVariable long id, @PathVariable long userId, Locale locale, RedirectAttributes redirect) {
        return perform("/organisation/units/" + id, locale, redirect, () -> {
            management.removeMember(actors.current(), id, userId);
            return "/organisation/units/" + id;
        });
    }

    private DepartmentDraft draft(String name, String key, String homeCode, String coverageCodes, String categories,
            Long supervisorId, String phone, boolean active, LocalDate validFrom, LocalDate validTo) {
        DivisionTree tree = territory.tree(null);
        Long home = homeCode == null || homeCode.isBlank() ? null : unitId(tree, "homeCode", homeCode.strip());
        Set<Long> coverage = new LinkedHashSet<>();
        for (String code : words(coverageCodes)) coverage.add(unitId(tree, "coverageCodes", code));
        return new DepartmentDraft(name, key, home, coverage, new LinkedHashSet<>(words(categories)), supervisorId, phone, active,
                validFrom, validTo);
    }

    private static long unitId(DivisionTree tree, String field, String code) {
        return tree.findByCode(code).orElseThrow(() -> new OrganisationException(field, "organisation.error.code-unknown", code)).id();
    }

    private static java.util.List<String> words(String text) {
        return text == null || text.isBlank() ? java.util.List.of() : java.util.List.of(text.strip().split("[\\s,，、;；]+"));
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new OrganisationException(field, "organisation.error.date", text);
        }
    }

    private String perform(String back, Locale locale, RedirectAttributes redirect, Supplier<String> change) {
        try {
            String target = change.get();
            redirect.addFlashAttribute("done", messages.getMessage("organisation.saved", null, locale));
            return "redirect:" + target;
        } catch (OrganisationException e) {
            redirect.addFlashAttribute("rejection", messages.getMessage(e, locale));
            redirect.addFlashAttribute("rejectedField", e.field());
            return "redirect:" + back;
        }
    }
}
