package cn.linli.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login is the map; until the map module serves {@code /} itself, send users there. */
@Controller
class RootRedirect {

    @GetMapping("/")
    String root() {
        return "redirect:/map";
    }
}
