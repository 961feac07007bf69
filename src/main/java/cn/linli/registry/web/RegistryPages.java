package cn.linli.registry.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.linli.registry.HouseholdSummary;
import cn.linli.registry.RegistryQueries;
import cn.linli.registry.ResidentSummary;
import cn.linli.web.RejectedInputException;

/** The staff pages: search, resident (with the audited unmask), household as of a date, building, grid standard. */
@Controller
class RegistryPages {

    private final RegistryQueries queries;
    private final ResidentPageModel pages;
    private final ScopeGrids grids;
    private final MessageSource messages;

    RegistryPages(RegistryQueries queries, ResidentPageModel pages, ScopeGrids grids, MessageSource messages) {
        this.queries = queries;
        this.pages = pages;
        this.grids = grids;
        this.messages = messages;
    }

    @GetMapping("/registry")
    String search(@RequestParam(required = false) String q, Model model, Locale locale) {
        model.addAttribute("q", q);
        List<ResidentSummary> residents = List.of();
        List<HouseholdSummary> households = List.of();
        try {
            residents = queries.search(q);
            households = queries.searchHouseholds(q);
        } catch (RejectedInputException e) {
            FormError.addTo(model, "search", e, Map.of("q", q), messages, locale);
        }
        model.addAttribute("residents", residents);
        model.addAttribute("households", households);
        model.addAttribute("searched", q != null && !q.isBlank());
        return "registry/search";
    }

    @GetMapping("/registry/residents/{id}")
    String resident(@PathVariable long id, @RequestParam(required = false) String exportError, Model model, Locale locale) {
        pages.resident(model, id);
        if (exportError != null && exportError.matches("registry\\.[a-z.-]+")) {
            model.addAttribute("error", new FormError("data-export", "reason", messages.getMessage(exportError, null, exportError, locale)));
        }
        return "registry/resident";
    }

    /** The full number is shown in this answer only: never stored in the session, gone on reload. */
    @PostMapping("/registry/residents/{id}/unmask")
    String unmask(@PathVariable long id, @RequestParam(required = false) String reason, Model model, Locale locale) {
        pages.resident(model, id);
        try {
            model.addAttribute("unmasked", queries.unmaskDocument(id, reason)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        } catch (RejectedInputException e) {
            FormError.addTo(model, "unmask", e, Map.of("reason", reason == null ? "" : reason), messages, locale);
        }
        return "registry/resident";
    }

    @GetMapping("/registry/households/{id}")
    String household(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
        pages.household(model, id, asOf);
        return "registry/household";
    }

    @GetMapping("/registry/buildings/{id}")
    String building(@PathVariable long id, Model model) {
        model.addAttribute("building", queries.building(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "registry/building";
    }

    @GetMapping("/registry/grid-standard")
    String gridStandard(@RequestParam(required = false) Long unit, Model model) {
        List<ScopeGrids.GridRow> rows = grids.rows(unit);
        model.addAttribute("grids", rows);
        model.addAttribute("flagged", rows.stream().filter(ScopeGrids.GridRow::flagged).count());
        return "registry/grid-standard";
    }
}
