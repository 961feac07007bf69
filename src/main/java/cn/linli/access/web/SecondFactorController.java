package cn.linli.access.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.linli.access.internal.LoginOutcomes;
import cn.linli.access.internal.SecondFactorLogin;
import cn.linli.access.internal.SecondFactors;
import cn.linli.access.internal.SignedInUser;

/**
 * Two-factor login for administrators: the code page after a right password, and the enrolment page where an
 * administrator adds Linli to their authenticator app (the secret and the otpauth URI; the new secret waits in the
 * session until a first code confirms it).
 */
@Controller
class SecondFactorController {

    static final String PENDING_SECRET = SecondFactorController.class.getName() + ".secret";

    private final SecondFactorLogin login;

    SecondFactorController(SecondFactorLogin login) {
        this.login = login;
    }

    @GetMapping(LoginOutcomes.CODE_PAGE)
    String codeForm(Authentication authentication) {
        signedIn(authentication).filter(SignedInUser::codePending).orElseThrow(() -> new AccessDeniedException("no code is due"));
        return "access/code";
    }

    @PostMapping(LoginOutcomes.CODE_PAGE)
    String code(@RequestParam(required = false) String code, Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        SignedInUser user = signedIn(authentication).filter(SignedInUser::codePending)
                .orElseThrow(() -> new AccessDeniedException("no code is due"));
        Optional<Long> refused = login.submit(user, code, request.getRemoteAddr());
        if (refused.isEmpty()) {
            SignedInUser done = user.withCodeAccepted();
            SignedInSessions.replace(done, request, response);
            String next = LoginOutcomes.nextStep(done);
            return "redirect:" + (next == null ? "/" : next);
        }
        if (refused.get() > 0) {
            new SecurityContextLogoutHandler().logout(request, response, authentication);
            return "redirect:/login?locked=" + refused.get();
        }
        return "redirect:" + LoginOutcomes.CODE_PAGE + "?error";
    }

    @GetMapping(LoginOutcomes.ENROLMENT_PAGE)
    String enrolmentForm(Authentication authentication, HttpSession session, Model model) {
        SignedInUser user = administrator(authentication);
        boolean enrolled = login.enrolled(user);
        model.addAttribute("required", user.enrolmentRequired()).addAttribute("enrolled", enrolled);
        if (!enrolled) {
            model.addAttribute("enrolment", pending(user, session));
        }
        return "access/second-factor";
    }

    @PostMapping(LoginOutcomes.ENROLMENT_PAGE)
    String enrol(@RequestParam(required = false) String code, Authentication authentication, HttpSession session,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        SignedInUser user = administrator(authentication);
        if (login.enrolled(user)) {
            // replacing a second factor is not done from a session alone (a lost phone: the security administrator)
            return "redirect:" + LoginOutcomes.ENROLMENT_PAGE;
        }
        SecondFactors.Enrolment enrolment = pending(user, session);
        if (!login.enrol(user, enrolment.secret(), code)) {
            model.addAttribute("required", user.enrolmentRequired()).addAttribute("enrolled", false)
                    .addAttribute("enrolment", enrolment).addAttribute("wrong", true);
            return "access/second-factor";
        }
        session.removeAttribute(PENDING_SECRET);
        SignedInUser done = user.withSecondFactorEnrolled();
        SignedInSessions.replace(done, request, response);
        return "redirect:" + (user.enrolmentRequired() ? "/" : LoginOutcomes.ENROLMENT_PAGE);
    }

    private SecondFactors.Enrolment pending(SignedInUser user, HttpSession session) {
        Object stored = session.getAttribute(PENDING_SECRET);
        if (stored instanceof SecondFactors.Enrolment enrolment) {
            return enrolment;
        }
        SecondFactors.Enrolment fresh = login.newEnrolment(user);
        session.setAttribute(PENDING_SECRET, fresh);
        return fresh;
    }

    private static SignedInUser administrator(Authentication authentication) {
        return signedIn(authentication).filter(user -> SecondFactors.required(user.actor().roles()))
                .orElseThrow(() -> new AccessDeniedException("two-factor login is for administrators"));
    }

    private static Optional<SignedInUser> signedIn(Authentication authentication) {
        Object principal = authentication == null ? null : authentication.getPrincipal();
        return principal instanceof SignedInUser user ? Optional.of(user) : Optional.empty();
    }
}
