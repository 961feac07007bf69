package cn.linli.access.web;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;
import org.springframework.http.HttpStatus;

import cn.linli.access.AccountAdministration;
import cn.linli.access.AccountView;
import cn.linli.access.CurrentActor;
import cn.linli.access.RejectedAccessInput;
import cn.linli.access.Role;

/**
 * The account pages of 三员分立 (decision 0012): the list for the system and security administrators, account creation
 * for the system administrator, and on each account's page the security administrator's actions (roles, unlock,
 * disable and enable, second-factor and password reset). Forms post and redirect with a flash message; a one-time
 * password is shown once, on the page the redirect leads to.
 */
@Controller
@RequestMapping("/access/accounts")
class AccountPages {

    static final int PAGE_SIZE = 50;
    static final int UNIT_RESULTS = 30;
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    static final List<Role> BUSINESS_ROLES = Arrays.stream(Role.values()).filter(role -> !role.isAdministrator()).toList();

    private final AccountAdministration accounts;
    private final CurrentActor actors;

    AccountPages(AccountAdministration accounts, CurrentActor actors) {
        this.accounts = accounts;
        this.actors = actors;
    }

    /** A message to show after a redirect: its key and arguments (stored in the session until shown). */
    record Flash(String code, List<String> arguments) implements Serializable {

        static Flash of(String code, Object... arguments) {
            return new Flash(code, Arrays.stream(arguments).map(String::valueOf).toList());
        }

        public Object[] args() {
            return arguments.toArray();
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Role wanted = null;
        if (role != null && !role.isBlank()) {
            wanted = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
            if (wanted == null) {
                model.addAttribute("problem", Flash.of("access.accounts.role.unknown", role));
            }
        }
        model.addAttribute("q", q).addAttribute("role", wanted == null ? "" : wanted.name())
                .addAttribute("roles", Role.values()).addAttribute("formatter", SHOWN)
                .addAttribute("result", accounts.list(q, wanted, Math.max(page, 0), PAGE_SIZE))
                .addAttribute("mayCreate", actors.current().hasRole(Role.SYSTEM_ADMIN));
        return "access/accounts";
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String unitQuery, Model model) {
        requireSystemAdministrator();
        return showForm(new AccountForm(), unitQuery, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") AccountForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        accounts.requireCreator(form.getUsername());
        String roleName = form.getRole() == null ? "" : form.getRole().strip();
        Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(roleName)).findFirst().orElse(null);
        if (roleName.isEmpty()) {
            errors.rejectValue("role", "access.user.roles.empty");
        } else if (role == null) {
            errors.rejectValue("role", "access.accounts.role.unknown", new Object[] {roleName}, null);
        }
        AccountAdministration.CreatedAccount created = null;
        if (!errors.hasErrors()) {
            try {
                Set<Long> units = accounts.resolveUnits(form.getUnits());
                created = accounts.create(form.getUsername(), form.getDisplayName(), role, units, form.getPassword());
            } catch (RejectedAccessInput rejected) {
                errors.rejectValue(formField(rejected.field()), rejected.getCodes()[0], rejected.getArguments(),
                        rejected.getDefaultMessage());
            }
        }
        if (errors.hasErrors()) {
            form.setPassword("");
            return showForm(form, null, model);
        }
        redirect.addFlashAttribute("notice", Flash.of("access.accounts.created", created.username()));
        if (created.generatedPassword() != null) {
            redirect.addFlashAttribute("oneTimePassword", created.generatedPassword());
        }
        return redirectTo(created.username());
    }

    @GetMapping("/{username}")
    String account(@PathVariable String username, Model model) {
        AccountView account = accounts.find(username)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such account"));
        boolean security = actors.current().hasRole(Role.SECURITY_ADMIN);
        model.addAttribute("account", account).addAttribute("formatter", SHOWN).addAttribute("roles", Role.values())
                .addAttribute("security", security)
                .addAttribute("own", actors.current().username().equals(account.username()));
        return "access/account";
    }

    @PostMapping("/{username}/roles")
    String roles(@PathVariable String username, @RequestParam(required = false) List<String> roles,
            RedirectAttributes redirect) {
        Set<Role> wanted = EnumSet.noneOf(Role.class);
        for (String name : roles == null ? List.<String>of() : roles) {
            Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst().orElse(null);
            if (role == null) {
                return failed(redirect, username, Flash.of("access.accounts.role.unknown", name));
            }
            wanted.add(role);
        }
        return act(redirect, username, () -> {
            accounts.changeRoles(username, wanted);
            return Flash.of("access.accounts.rolesChanged");
        });
    }

    @PostMapping("/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        return act(redirect, username, () -> Flash.of(accounts.unlock(username)
                ? "access.accounts.unlocked" : "access.accounts.notLocked"));
    }

    @PostMapping("/{username}/disable")
    String disable(@PathVariable String username, RedirectAttributes redirect) {
        return setEnabled(redirect, username, false);
    }

    @PostMapping("/{username}/enable")
    String enable(@PathVariable String username, RedirectAttributes redirect) {
        return setEnabled(redirect, username, true);
    }

    private String setEnabled(RedirectAttributes redirect, String username, boolean enabled) {
        return act(redirect, username, () -> {
            accounts.setEnabled(username, enabled);
            return Flash.of(enabled ? "access.accounts.enabled" : "access.accounts.disabled");
        });
    }

    @PostMapping("/{username}/second-factor/reset")
    String resetSecondFactor(@PathVariable String username, RedirectAttributes redirect) {
        return act(redirect, username, () -> Flash.of(accounts.resetSecondFactor(username)
                ? "access.accounts.secondFactorReset" : "access.accounts.secondFactorNone"));
    }

    @PostMapping("/{username}/password/reset")
    String resetPassword(@PathVariable String username, RedirectAttributes redirect) {
        return act(redirect, username, () -> {
            redirect.addFlashAttribute("oneTimePassword", accounts.resetPassword(username));
            return Flash.of("access.accounts.passwordReset");
        });
    }

    private interface Action {
        Flash run();
    }

    /** Runs a security administrator's action; a refused input comes back as the page's error message. */
    private String act(RedirectAttributes redirect, String username, Action action) {
        try {
            redirect.addFlashAttribute("notice", action.run());
        } catch (RejectedAccessInput rejected) {
            Flash problem = new Flash(rejected.getCodes()[0],
                    Arrays.stream(rejected.getArguments()).map(String::valueOf).toList());
            if ("access.user.unknown".equals(problem.code())) {
                redirect.addFlashAttribute("problem", problem);
                return "redirect:/access/accounts";
            }
            return failed(redirect, username, problem);
        }
        return redirectTo(username);
    }

    private static String failed(RedirectAttributes redirect, String username, Flash problem) {
        redirect.addFlashAttribute("problem", problem);
        return redirectTo(username);
    }

    private static String redirectTo(String username) {
        return "redirect:/access/accounts/" + UriUtils.encodePathSegment(username, StandardCharsets.UTF_8);
    }

    private String showForm(AccountForm form, String unitQuery, Model model) {
        model.addAttribute("form", form).addAttribute("businessRoles", BUSINESS_ROLES).addAttribute("unitQuery", unitQuery)
                .addAttribute("unitResults", accounts.searchUnits(unitQuery, UNIT_RESULTS));
        return "access/account-new";
    }

    /** The service's field names as the form calls them. */
    private static String formField(String field) {
        return switch (field) {
            case "roles" -> "role";
            case "unitIds" -> "units";
            case "username", "displayName", "units", "password", "role" -> field;
            default -> "username";
        };
    }

    private void requireSystemAdministrator() {
        if (!actors.current().hasRole(Role.SYSTEM_ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("only a system administrator creates accounts");
        }
    }
}
