package cn.linli.registry.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.linli.access.CurrentActor;
import cn.linli.access.Permission;
import cn.linli.access.PersonalDataProtection;
import cn.linli.registry.RegistryExports;
import cn.linli.registry.RejectedRegistryInput;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/** Export of a division's residents to .xlsx: masked, or in full with a reason for permitted roles; audited. */
@Controller
class ExportPages {

    private final RegistryExports exports;
    private final TerritoryQueries territory;
    private final CurrentActor actors;
    private final PersonalDataProtection protection;
    private final MessageSource messages;

    ExportPages(RegistryExports exports, TerritoryQueries territory, CurrentActor actors, PersonalDataProtection protection,
            MessageSource messages) {
        this.exports = exports;
        this.territory = territory;
        this.actors = actors;
        this.protection = protection;
        this.messages = messages;
    }

    @GetMapping("/registry/export")
    String form(@RequestParam(required = false) String error, Model model, Locale locale) {
        if (error != null && error.matches("registry\\.[a-z.-]+")) {
            model.addAttribute("error", messages.getMessage(error, null, error, locale));
        }
        DivisionTree tree = territory.tree(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        var jurisdiction = actors.current().jurisdiction();
        model.addAttribute("divisions", tree.all().stream()
                .filter(d -> d.level() != DivisionLevel.GRID || tree.all().size() < 2000)
                .filter(d -> tree.covers(jurisdiction, d.id()))
                .sorted(Comparator.comparing(d -> d.code().value())).toList());
        model.addAttribute("mayUnmask", protection.may(Permission.UNMASK));
        return "registry/import-export";
    }

    @PostMapping("/registry/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long divisionId,
            @RequestParam(defaultValue = "false") boolean unmask, @RequestParam(required = false) String reason) {
        try {
            var export = exports.export(divisionId, unmask, reason);
            return ImportPages.download(export.content(), "人口导出-" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + ".xlsx");
        } catch (RejectedRegistryInput e) {
            // back to the form, which shows the message (a download cannot carry a page)
            return ResponseEntity.status(org.springframework.http.HttpStatus.SEE_OTHER)
                    .location(java.net.URI.create("/registry/export?error=" + e.code())).build();
        }
    }
}
