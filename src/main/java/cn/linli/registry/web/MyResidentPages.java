package cn.linli.registry.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.registry.Registry;
import cn.linli.web.RejectedInputException;

/**
 * The grid worker's phone page of one resident: the details as recorded and the form to correct them (the "update a
 * resident" of the grid worker's round), reached from the members of a household.
 */
@Controller
class MyResidentPages {

    private final Registry registry;
    private final ResidentPageModel pages;
    private final MessageSource messages;

    MyResidentPages(Registry registry, ResidentPageModel pages, MessageSource messages) {
        this.registry = registry;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/registry/my-grid/residents/{id}")
    String resident(@PathVariable long id, Model model) {
        pages.resident(model, id);
        return "registry/my-resident";
    }

    @PostMapping("/registry/my-grid/residents/{id}/correct")
    String correct(@PathVariable long id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect, Locale locale) {
        try {
            registry.correct(id, new ResidentForms.FormFields(fields).correction());
        } catch (RejectedInputException e) {
            pages.resident(model, id);
            FormError.addTo(model, "correct", e, fields, messages, locale);
            return "registry/my-resident";
        }
        redirect.addFlashAttribute("notice", "registry.web.notice.correct");
        return "redirect:/registry/my-grid/residents/" + id;
    }
}
