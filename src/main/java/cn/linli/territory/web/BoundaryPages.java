package cn.linli.territory.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

import cn.linli.access.CurrentActor;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Boundaries;
import cn.linli.territory.TerritoryException;

/**
 * Boundary import on a page: a GeoJSON file of one level is checked as a whole (geometry, units, nesting, overlaps)
 * and saved only when nothing is wrong; the page lists every problem, or what was saved and the warnings (gaps).
 * City administrators only.
 */
@Controller
class BoundaryPages {

    private static final List<DivisionLevel> LEVELS =
            List.of(DivisionLevel.COUNTY, DivisionLevel.TOWNSHIP, DivisionLevel.COMMUNITY, DivisionLevel.GRID);

    private final Boundaries boundaries;
    private final CurrentActor actors;
    private final TerritoryMessages messages;

    BoundaryPages(Boundaries boundaries, CurrentActor actors, TerritoryMessages messages) {
        this.boundaries = boundaries;
        this.actors = actors;
        this.messages = messages;
    }

    @GetMapping("/territory/boundaries")
    String form(Model model) {
        TerritoryEditors.require(actors);
        model.addAttribute("levels", LEVELS);
        return "territory/boundaries";
    }

    @PostMapping("/territory/boundaries")
    String importFile(@RequestParam(required = false) String level, @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String crs, @RequestParam(required = false) String date,
            @RequestParam(required = false) String note, Model model, Locale locale) throws IOException {
        TerritoryEditors.require(actors);
        model.addAttribute("level", level);
        model.addAttribute("crs", crs);
        model.addAttribute("date", date);
        try {
            DivisionLevel parsed = ApiParameters.level(level);
            if (file == null || file.isEmpty()) throw new TerritoryException("file", "territory.error.file");
            Boundaries.ImportOutcome outcome;
            try (InputStream in = file.getInputStream()) {
                outcome = boundaries.importGeoJson(parsed, in, BoundaryApi.sourceCrs(crs), ApiParameters.date(date), note);
            }
            model.addAttribute("outcome", outcome);
            model.addAttribute(outcome.applied() ? "warnings" : "problems",
                    outcome.applied() ? messages.warnings(outcome, locale) : messages.rejections(outcome, locale));
        } catch (TerritoryException | IllegalArgumentException e) {
            model.addAttribute("rejection", messages.of(e, locale));
        }
        return form(model);
    }
}
