package cn.linli.access.web;

import java.util.OptionalLong;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.linli.access.CurrentActor;

/** The login form; Spring Security handles its POST and comes back here with {@code ?error} or {@code ?locked=N}. */
@Controller
class LoginController {

    /** A lock never lasts longer than a day; a larger number in the address was not written by Linli. */
    private static final long MAX_LOCK_MINUTES = 24 * 60;

    private final CurrentActor currentActor;

    LoginController(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "locked", required = false) String locked, Model model) {
        if (currentActor.find().isPresent()) {
            return "redirect:/";
        }
        lockedMinutes(locked).ifPresent(minutes -> model.addAttribute("lockedMinutes", minutes));
        return "access/login";
    }

    private static OptionalLong lockedMinutes(String locked) {
        if (locked == null || !locked.matches("\\d{1,4}")) {
            return OptionalLong.empty();
        }
        long minutes = Long.parseLong(locked);
        return minutes >= 1 && minutes <= MAX_LOCK_MINUTES ? OptionalLong.of(minutes) : OptionalLong.empty();
    }
}
