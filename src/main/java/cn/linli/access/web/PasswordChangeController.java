package cn.linli.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.access.AccessManagement;
import cn.linli.access.PasswordRejectedException;
import cn.linli.access.internal.LoginOutcomes;
import cn.linli.access.internal.SignedInUser;

/** Any user changes their own password here; a user with a handed-over password is kept here until they do. */
@Controller
@RequestMapping("/account/password")
class PasswordChangeController {

    private final AccessManagement access;

    PasswordChangeController(AccessManagement access) {
        this.access = access;
    }

    @GetMapping
    String form(Authentication authentication, Model model) {
        model.addAttribute("form", new PasswordForm());
        model.addAttribute("required", mustChange(authentication));
        model.addAttribute("expired", authentication.getPrincipal() instanceof SignedInUser user && user.passwordExpired());
        return "access/password";
    }

    @PostMapping
    String change(@ModelAttribute("form") PasswordForm form, BindingResult errors, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        boolean required = mustChange(authentication);
        if (form.getNewPassword() == null || !form.getNewPassword().equals(form.getConfirmPassword())) {
            errors.rejectValue("confirmPassword", "access.password.confirmMismatch");
        } else {
            try {
                access.changePassword(authentication.getName(), form.getCurrentPassword(), form.getNewPassword());
            } catch (PasswordRejectedException rejected) {
                errors.rejectValue(rejected.field(), rejected.getCodes()[0], rejected.getArguments(),
                        rejected.getDefaultMessage());
            }
        }
        if (errors.hasErrors()) {
            model.addAttribute("required", required);
            return "access/password";
        }
        rememberPasswordChanged(authentication, request, response);
        redirect.addFlashAttribute("notice", "access.password.changed");
        String next = authentication.getPrincipal() instanceof SignedInUser user
                ? LoginOutcomes.nextStep(user.withPasswordChanged()) : null;
        return required ? "redirect:" + (next == null ? "/" : next) : "redirect:/account/password";
    }

    /** The session's principal no longer needs a change, and a new session id marks the new credentials. */
    private void rememberPasswordChanged(Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        if (!(authentication.getPrincipal() instanceof SignedInUser user)) {
            return;
        }
        SignedInSessions.replace(user.withPasswordChanged(), request, response);
    }

    private static boolean mustChange(Authentication authentication) {
        return authentication.getPrincipal() instanceof SignedInUser user && user.mustChangePassword();
    }
}
