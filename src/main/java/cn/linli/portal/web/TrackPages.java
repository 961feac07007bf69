package cn.linli.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.casework.AttachmentContent;
import cn.linli.casework.Categories;
import cn.linli.casework.PublicCases;
import cn.linli.casework.Satisfaction;
import cn.linli.portal.PortalRejected;
import cn.linli.portal.ResidentTracking;

/**
 * Tracking without an account: the number and the last four digits of the reporter's phone open the case's page for
 * this browser session, where the reporter sees its public timeline and photos, rates the result or says it is not
 * fixed, and answers the follow-up question.
 */
@Controller
class TrackPages {

    private final ResidentTracking tracking;
    private final PublicCases publicCases;
    private final PortalMessages messages;
    private final Categories categories;

    TrackPages(ResidentTracking tracking, PublicCases publicCases, PortalMessages messages, Categories categories) {
        this.categories = categories;
        this.tracking = tracking;
        this.publicCases = publicCases;
        this.messages = messages;
    }

    @GetMapping("/portal/track")
    String form(@RequestParam(required = false) String number, Model model) {
        model.addAttribute("number", number);
        return "portal/track";
    }

    @PostMapping("/portal/track")
    String track(@RequestParam(required = false) String number, @RequestParam(required = false) String digits,
            HttpServletRequest request, Model model, Locale locale, HttpServletResponse response) {
        try {
            long caseId = tracking.prove(number, digits, request.getRemoteAddr());
            HttpSession session = request.getSession();
            // a new session id once the resident proved a case theirs, so a planted session id learns nothing
            request.changeSessionId();
            TrackedCases.grant(session, number.strip(), caseId);
            return "redirect:/portal/cases/" + number.strip();
        } catch (PortalRejected e) {
            response.setStatus(e.status());
            model.addAttribute("number", number);
            model.addAttribute("failure", messages.of(e, locale));
            model.addAttribute("failedField", e.field());
            return "portal/track";
        }
    }

    @GetMapping("/portal/cases/{number}")
    String aCase(@PathVariable String number, HttpSession session, Model model, Locale locale) {
        var caseId = TrackedCases.caseOf(session, number);
        if (caseId.isEmpty()) return "redirect:/portal/track?number=" + number;
        var tracked = tracking.view(caseId.get());
        if (tracked.isEmpty()) return "redirect:/portal/track?number=" + number;
        model.addAttribute("tracked", tracked.get());
        String code = tracked.get().aCase().categoryCode();
        model.addAttribute("categoryName", code == null ? "" : categories.find(code).map(c -> c.name(locale)).orElse(code));
        model.addAttribute("ratings", new Satisfaction[] {Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED,
                Satisfaction.DISSATISFIED});
        return "portal/case";
    }

    @PostMapping("/portal/cases/{number}/rating")
    String rate(@PathVariable String number, @RequestParam(required = false) String rating,
            @RequestParam(required = false) String reason, HttpSession session, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        var caseId = TrackedCases.caseOf(session, number);
        if (caseId.isEmpty()) return "redirect:/portal/track?number=" + number;
        try {
            if ("NOT_FIXED".equals(rating)) tracking.notFixed(caseId.get(), reason);
            else tracking.rate(caseId.get(), ReportPages.enumOf(Satisfaction.class, rating));
            redirect.addFlashAttribute("done", messages.text("NOT_FIXED".equals(rating) ? "portal.case.reopened" : "portal.case.rated", locale));
            return "redirect:/portal/cases/" + number;
        } catch (PortalRejected e) {
            return refused(e, number, session, model, locale, response);
        }
    }

    @PostMapping("/portal/cases/{number}/follow-up")
    String followUp(@PathVariable String number, @RequestParam(required = false) String fixed,
            @RequestParam(required = false) String reason, HttpSession session, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        var caseId = TrackedCases.caseOf(session, number);
        if (caseId.isEmpty()) return "redirect:/portal/track?number=" + number;
        try {
            boolean stillFixed = !"no".equals(fixed);
            tracking.answerFollowUp(caseId.get(), stillFixed, reason);
            redirect.addFlashAttribute("done", messages.text(stillFixed ? "portal.case.thanks" : "portal.case.reopened", locale));
            return "redirect:/portal/cases/" + number;
        } catch (PortalRejected e) {
            return refused(e, number, session, model, locale, response);
        }
    }

    /** A photo of a case the resident proved theirs, unless staff hid it. */
    @GetMapping("/portal/cases/{number}/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable String number, @PathVariable long id, HttpSession session) {
        var caseId = TrackedCases.caseOf(session, number);
        if (caseId.isEmpty()) return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        return publicCases.photo(caseId.get(), id).map(TrackPages::image)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    private String refused(PortalRejected e, String number, HttpSession session, Model model, Locale locale,
            HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("failure", messages.of(e, locale));
        return aCase(number, session, model, locale);
    }

    private static ResponseEntity<byte[]> image(AttachmentContent content) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.attachment().contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }
}
