package cn.linli.casework.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseWork;
import cn.linli.casework.SlaQueries;

/**
 * The supervisor's view (督办): breached and at-risk cases of the jurisdiction by unit, and on each a form to supervise
 * it with instructions, which go into the case's history. A refused instruction comes back next to its case, as
 * typed, with the reason, and has changed nothing.
 */
@Controller
class SupervisionPages {

    private final SlaQueries queries;
    private final CaseWork work;
    private final CaseMessages messages;

    SupervisionPages(SlaQueries queries, CaseWork work, MessageSource messageSource) {
        this.queries = queries;
        this.work = work;
        this.messages = new CaseMessages(messageSource);
    }

    @GetMapping("/casework/supervision")
    String overview(Model model, Locale locale, HttpServletResponse response) {
        return show(model, locale, response);
    }

    @PostMapping("/casework/supervision/{id}")
    String supervise(@PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String instructions, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            work.supervise(id, version, instructions);
            redirect.addFlashAttribute("done", messages.text("sla.supervised", locale));
            return "redirect:/casework/supervision";
        } catch (CaseRuleException e) {
            response.setStatus(CasePages.status(e).value());
            model.addAttribute("failedCase", id);
            model.addAttribute("failure", failure(e, locale));
            model.addAttribute("typed", instructions);
            return show(model, locale, null);
        }
    }

    private String show(Model model, Locale locale, HttpServletResponse response) {
        try {
            model.addAttribute("overview", queries.overdue());
        } catch (CaseRuleException e) {
            if (response != null) response.setStatus(CasePages.status(e).value());
            model.addAttribute("refused", messages.of(e, locale));
        }
        return "casework/supervision";
    }

    /** "此项必填" alone would not say which: the instructions are named. */
    private String failure(CaseRuleException e, Locale locale) {
        String message = messages.of(e, locale);
        return "instructions".equals(e.field()) ? messages.text("sla.instructions", locale) + messages.text("sla.field-separator", locale) + message
                : message;
    }
}
