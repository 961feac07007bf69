package cn.linli.casework.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.casework.CaseModeration;
import cn.linli.casework.CaseRuleException;

/**
 * Moderation of what residents filed on the portal (district and city staff, their jurisdiction only): a redacted
 * public description, photos hidden from the public. The page shows the reporter's text beside what the public sees.
 */
@Controller
class ModerationPages {

    private static final int LISTED = 100;

    private final CaseModeration moderation;
    private final CaseMessages messages;

    ModerationPages(CaseModeration moderation, MessageSource messageSource) {
        this.moderation = moderation;
        this.messages = new CaseMessages(messageSource);
    }

    @GetMapping("/casework/moderation")
    String list(Model model, Locale locale, HttpServletResponse response) {
        try {
            model.addAttribute("cases", moderation.portalCases(LISTED));
        } catch (CaseRuleException e) {
            response.setStatus(CasePages.status(e).value());
            model.addAttribute("refused", messages.of(e, locale));
        }
        return "casework/moderation";
    }

    @PostMapping("/casework/moderation/{id}/description")
    String redact(@PathVariable long id, @RequestParam(required = false) String text, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(() -> moderation.redactDescription(id, text), id, model, locale, response, redirect);
    }

    @PostMapping("/casework/moderation/{id}/photos/{photo}")
    String photo(@PathVariable long id, @PathVariable long photo, @RequestParam boolean hidden, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(() -> moderation.hidePhoto(id, photo, hidden), id, model, locale, response, redirect);
    }

    private String act(Runnable change, long id, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("done", messages.text("moderation.done", locale));
            return "redirect:/casework/moderation#case-" + id;
        } catch (CaseRuleException e) {
            response.setStatus(CasePages.status(e).value());
            model.addAttribute("failure", messages.of(e, locale));
            try {
                model.addAttribute("cases", moderation.portalCases(LISTED));
            } catch (CaseRuleException refused) {
                model.addAttribute("refused", messages.of(refused, locale));
            }
            return "casework/moderation";
        }
    }
}
