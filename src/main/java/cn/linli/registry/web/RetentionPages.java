package cn.linli.registry.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.registry.RegistryRetention;
import cn.linli.registry.RetentionRun;

/** The retention job for city administrators: the configured periods, what the last run did, and "run now". */
@Controller
class RetentionPages {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final RegistryRetention retention;

    RetentionPages(RegistryRetention retention) {
        this.retention = retention;
    }

    @GetMapping("/registry/retention")
    String page(Model model) {
        model.addAttribute("settings", retention.settings());
        model.addAttribute("last", retention.lastRun().orElse(null));
        model.addAttribute("formatter", SHOWN);
        return "registry/retention";
    }

    @PostMapping("/registry/retention/run")
    String run(RedirectAttributes redirect) {
        RetentionRun run = retention.runNow();
        redirect.addFlashAttribute("notice", run.skipped() ? "registry.web.retention.skipped" : "registry.web.retention.done");
        redirect.addFlashAttribute("run", run);
        return "redirect:/registry/retention";
    }
}
