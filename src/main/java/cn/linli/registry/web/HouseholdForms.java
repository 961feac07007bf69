package cn.linli.registry.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.registry.NewResident;
import cn.linli.registry.Registry;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;
import cn.linli.web.RejectedInputException;

/**
 * Registering a resident into a household, from the staff household page or the grid worker's, and recording a
 * visit; a refused form shows its page again with the message next to the field and the values kept.
 */
@Controller
class HouseholdForms {

    private final Registry registry;
    private final ResidentPageModel pages;
    private final MyGridPages myGrid;
    private final MessageSource messages;

    HouseholdForms(Registry registry, ResidentPageModel pages, MyGridPages myGrid, MessageSource messages) {
        this.registry = registry;
        this.pages = pages;
        this.myGrid = myGrid;
        this.messages = messages;
    }

    @PostMapping("/registry/households/{id}/residents")
    String register(@PathVariable long id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect, Locale locale) {
        try {
            long resident = register(id, new ResidentForms.FormFields(fields));
            redirect.addFlashAttribute("notice", "registry.web.notice.registered");
            return "redirect:/registry/residents/" + resident;
        } catch (RejectedInputException e) {
            pages.household(model, id, null);
            FormError.addTo(model, "register", e, fields, messages, locale);
            return "registry/household";
        }
    }

    @PostMapping("/registry/my-grid/households/{id}/residents")
    String registerFromGrid(@PathVariable long id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect, Locale locale) {
        try {
            register(id, new ResidentForms.FormFields(fields));
            redirect.addFlashAttribute("notice", "registry.web.notice.registered");
            return "redirect:/registry/my-grid/households/" + id;
        } catch (RejectedInputException e) {
            myGrid.householdPage(model, id);
            FormError.addTo(model, "register", e, fields, messages, locale);
            return "registry/my-household";
        }
    }

    @PostMapping("/registry/my-grid/households/{id}/visits")
    String visit(@PathVariable long id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect, Locale locale) {
        var f = new ResidentForms.FormFields(fields);
        try {
            registry.recordVisit(id, f.date("date"), f.text("findings"), "true".equals(f.text("followUp")));
        } catch (RejectedInputException e) {
            myGrid.householdPage(model, id);
            FormError.addTo(model, "visit", e, fields, messages, locale);
            return "registry/my-household";
        }
        redirect.addFlashAttribute("notice", "registry.web.notice.visited");
        return "redirect:/registry/my-grid?grid=" + myGrid.gridOf(id);
    }

    private long register(long householdId, ResidentForms.FormFields f) {
        String gender = f.text("gender");
        String kind = f.text("documentKind");
        var resident = new NewResident(f.text("name"), gender == null ? null : f.choice("gender", Gender.class),
                f.optionalDate("birthDate"), kind == null ? DocumentKind.RESIDENT_ID_CARD : f.choice("documentKind", DocumentKind.class),
                f.text("documentNumber"), f.text("phone"), f.text("ethnicity"), f.text("education"), f.text("employment"),
                f.text("partyMember") == null ? null : "true".equals(f.text("partyMember")));
        return registry.register(resident, householdId, f.kind(), f.relation(), f.date("date"));
    }
}
