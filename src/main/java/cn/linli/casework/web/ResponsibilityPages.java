package cn.linli.casework.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.casework.CaseRuleException;
import cn.linli.casework.ResponsibilityRules;
import cn.linli.territory.MapSettings;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The responsibility matrix page: the rules (filtered by category and area), a form to add or change one, retiring a
 * rule, and the "who handles this?" tester (a category and a map point or a place → the unit routing chooses, and
 * why). For the city administrator, and district staff within their district. A refused form comes back as typed with
 * the reason next to its field, and nothing was written.
 */
@Controller
@RequestMapping("/casework/responsibility")
class ResponsibilityPages {

    private final ResponsibilityRules rules;
    private final ResponsibilityTester tester;
    private final ResponsibilityPageModel pageModel;
    private final MapSettings map;
    private final CaseMessages messages;

    ResponsibilityPages(ResponsibilityRules rules, ResponsibilityTester tester, ResponsibilityPageModel pageModel, MapSettings map,
            MessageSource messageSource) {
        this.rules = rules;
        this.tester = tester;
        this.pageModel = pageModel;
        this.map = map;
        this.messages = new CaseMessages(messageSource);
    }

    @GetMapping
    String page(@RequestParam(required = false) String category, @RequestParam(required = false) Long area,
            @RequestParam(required = false) Long edit, Model model) {
        requireKeeper();
        Map<String, String> form = new LinkedHashMap<>();
        Optional<ResponsibilityRules.Rule> editing = edit == null ? Optional.empty() : rules.find(edit).filter(rules::mayChange);
        editing.ifPresent(r -> {
            form.put("id", String.valueOf(r.id()));
            form.put("categoryCode", r.categoryCode());
            form.put("placeUnitId", String.valueOf(r.placeUnitId()));
            form.put("mainUnit", String.valueOf(r.mainUnit()));
            form.put("note", r.note() == null ? "" : r.note());
        });
        return show(category, area, form, editing.map(ResponsibilityRules.Rule::coUnits).map(List::copyOf).orElse(List.of()),
                Map.of(), model);
    }

    @PostMapping
    String save(@RequestParam MultiValueMap<String, String> posted, Locale locale, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        requireKeeper();
        ResponsibilityForm form = ResponsibilityForm.of(posted);
        try {
            ResponsibilityRules.Rule saved = form.id() == null ? rules.add(form.draft()) : rules.update(form.id(), form.draft());
            redirect.addFlashAttribute("done", form.id() == null ? "responsibility.done.added" : "responsibility.done.changed");
            redirect.addFlashAttribute("savedId", saved.id());
            return "redirect:/casework/responsibility";
        } catch (CaseRuleException e) {
            response.setStatus(status(e));
            return show(null, null, form.typed(), form.coUnitsTyped(), Map.of(e.field() == null ? "form" : e.field(), messages.of(e, locale)),
                    model);
        }
    }

    @PostMapping("/{id}/retire")
    String retire(@PathVariable long id, Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requireKeeper();
        try {
            rules.remove(id);
            redirect.addFlashAttribute("done", "responsibility.done.retired");
            return "redirect:/casework/responsibility";
        } catch (CaseRuleException e) {
            response.setStatus(status(e));
            return show(null, null, new LinkedHashMap<>(), List.of(), Map.of("form", messages.of(e, locale)), model);
        }
    }

    /** The tester's answer (htmx fragment): the unit, co-handlers, the reason and the deciding rule. */
    @GetMapping("/who-handles")
    String whoHandles(@RequestParam(required = false) String categoryCode, @RequestParam(required = false) String placeUnitId,
            @RequestParam(required = false) String lng, @RequestParam(required = false) String lat, Locale locale, Model model) {
        requireKeeper();
        boolean asked = categoryCode != null && !categoryCode.isBlank()
                && ((placeUnitId != null && !placeUnitId.isBlank()) || (lng != null && !lng.isBlank()));
        if (asked) {
            try {
                ResponsibilityTester.Result result = tester.ask(categoryCode, placeUnitId, lng, lat);
                model.addAttribute("answer", result.answer());
                model.addAttribute("answerPlace", pageModel.placeName(result.placeUnitId()));
                result.answer().rule().ifPresent(r -> model.addAttribute("answerRule", pageModel.line(r)));
            } catch (CaseRuleException e) {
                model.addAttribute("testerError", messages.of(e, locale));
            }
        }
        return "casework/responsibility-parts :: answer";
    }

    private String show(String category, Long area, Map<String, String> form, List<Long> coUnits, Map<String, String> errors, Model model) {
        pageModel.fill(category, area, model);
        model.addAttribute("form", form);
        model.addAttribute("formCoUnits", coUnits.stream().map(String::valueOf).toList());
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("map", map);
        return "casework/responsibility";
    }

    private static int status(CaseRuleException e) {
        return switch (e.kind()) {
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
        };
    }

    private void requireKeeper() {
        if (!rules.mayKeep()) throw new AccessDeniedException("the responsibility matrix needs a city administrator or district staff");
    }
}
