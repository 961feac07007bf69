package cn.linli.casework.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.access.MissingReasonException;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseView;
import cn.linli.casework.internal.CaseAbilities;
import cn.linli.casework.internal.CaseAbilities.Ability;
import cn.linli.casework.internal.ReporterPhones;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The case page: facts, place and map, deadline and light, the timeline, and the forms of the steps this user may
 * take now. A refused step comes back to the page with the reason next to its form and the case as it was; the full
 * phone number is shown once, for a reason that goes to the audit log.
 */
@Controller
class CasePages {

    private final CaseQueries queries;
    private final CaseAbilities abilities;
    private final CaseCommands commands;
    private final ReporterPhones phones;
    private final CasePageModel pageModel;
    private final CaseMessages messages;

    CasePages(CaseQueries queries, CaseAbilities abilities, CaseCommands commands, ReporterPhones phones,
            CasePageModel pageModel, MessageSource messageSource) {
        this.queries = queries;
        this.abilities = abilities;
        this.commands = commands;
        this.phones = phones;
        this.pageModel = pageModel;
        this.messages = new CaseMessages(messageSource);
    }

    @GetMapping("/casework/cases/{id}")
    String page(@PathVariable long id, Model model) {
        return show(id, model);
    }

    @GetMapping("/casework/cases/by-number/{number}")
    String byNumber(@PathVariable String number) {
        long id = queries.findByNumber(number).map(CaseView::id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return "redirect:/casework/cases/" + id;
    }

    @PostMapping("/casework/cases/{id}/{action:[a-z-]+}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> form,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Locale locale,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Ability ability = Ability.ofPath(action).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            commands.run(id, ability, CaseActionRequest.fromForm(form), Uploads.of(photos));
        } catch (CaseRuleException e) {
            if (e.kind() == CaseRuleException.Kind.NOT_FOUND && "id".equals(e.field())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            response.setStatus(status(e).value());
            model.addAttribute("rejectedForm", ability.path());
            model.addAttribute("rejection", message(e, locale));
            model.addAttribute("rejectedField", e.field());
            model.addAttribute("typed", form);
            return show(id, model);
        }
        redirect.addFlashAttribute("done", messages.text("caseweb.done", locale, messages.text("caseweb.ability." + ability.name(), locale)));
        return "redirect:/casework/cases/" + id;
    }

    @PostMapping("/casework/cases/{id}/phone")
    String unmask(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale, Model model,
            HttpServletResponse response) {
        try {
            phones.unmask(id, reason).ifPresent(phone -> model.addAttribute("fullPhone", phone));
        } catch (CaseRuleException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (MissingReasonException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("phoneRejection", messages.text("caseweb.phone.reason-required", locale));
        } catch (AccessDeniedException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("phoneRejection", messages.text("caseweb.phone.not-allowed", locale));
        }
        return show(id, model);
    }

    private String show(long id, Model model) {
        CaseView view = queries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Set<String> may = abilities.of(id).stream().map(Ability::path).collect(Collectors.toSet());
        pageModel.fill(view, may, model);
        return "casework/case";
    }

    /** The stale version gets the page's own words: the page below already shows the newer case. */
    private String message(CaseRuleException e, Locale locale) {
        if ("case.rule.changed-meanwhile".equals(e.messageKey())) return messages.text("caseweb.stale", locale);
        return messages.of(e, locale);
    }

    static HttpStatus status(CaseRuleException e) {
        return switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }
}
