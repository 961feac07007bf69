package cn.linli.territory.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.SnapshotImports;
import cn.linli.territory.TerritoryException;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.snapshot.InvalidPairingsException;
import cn.linli.territory.internal.snapshot.ReviewerPairing;

/**
 * Official code lists on pages: upload a list (validated as a whole; a bad file is listed line by line and kept
 * nowhere), review the proposed operations and the pairs left open, pair them, apply. City administrators only.
 */
@Controller
class SnapshotPages {

    private static final int RECENT = 20;

    private final SnapshotImports imports;
    private final TerritoryQueries territory;
    private final CurrentActor actors;
    private final TerritoryMessages messages;

    SnapshotPages(SnapshotImports imports, TerritoryQueries territory, CurrentActor actors, TerritoryMessages messages) {
        this.imports = imports;
        this.territory = territory;
        this.actors = actors;
        this.messages = messages;
    }

    @GetMapping("/territory/snapshots")
    String list(Model model) {
        TerritoryEditors.require(actors);
        model.addAttribute("uploads", imports.recent(RECENT));
        return "territory/snapshots";
    }

    @PostMapping("/territory/snapshots")
    String upload(@RequestPart(name = "file", required = false) MultipartFile file, @RequestParam(required = false) String date,
            Model model, Locale locale) {
        Actor actor = TerritoryEditors.require(actors);
        try {
            if (file == null || file.isEmpty()) throw new TerritoryException("file", "territory.error.file");
            var preview = imports.upload(file.getOriginalFilename(), bytes(file), ApiParameters.date(date), actor.username());
            return "redirect:/territory/snapshots/" + preview.importId();
        } catch (TerritoryException | IllegalArgumentException e) {
            model.addAttribute("rejection", messages.of(e, locale));
            model.addAttribute("date", date);
            return list(model);
        }
    }

    @GetMapping("/territory/snapshots/{id}")
    String review(@PathVariable long id, @RequestParam(name = "pair", required = false) List<String> pairs, Model model, Locale locale) {
        TerritoryEditors.require(actors);
        List<ReviewerPairing> pairings;
        try {
            pairings = SnapshotApi.parsePairs(pairs);
            show(imports.preview(id, pairings), pairs, model);
        } catch (InvalidPairingsException | TerritoryException e) {
            if (e instanceof TerritoryException rule && "importId".equals(rule.field())) throw new TerritoryApi.UnitNotFoundException(id);
            model.addAttribute("rejection", messages.of(e, locale));
            show(imports.preview(id, List.of()), List.of(), model);
        }
        return "territory/snapshot";
    }

    @PostMapping("/territory/snapshots/{id}/apply")
    String apply(@PathVariable long id, @RequestParam(name = "pair", required = false) List<String> pairs,
            @RequestParam(required = false) String note, Model model, Locale locale, RedirectAttributes redirect) {
        TerritoryEditors.require(actors);
        try {
            long operation = imports.apply(id, SnapshotApi.parsePairs(pairs), note);
            redirect.addFlashAttribute("done", messages.text("snapshot.page.applied", locale, operation));
            return "redirect:/territory/snapshots";
        } catch (InvalidPairingsException | TerritoryException e) {
            model.addAttribute("rejection", messages.of(e, locale));
            show(imports.preview(id, List.of()), List.of(), model);
            return "territory/snapshot";
        }
    }

    private void show(SnapshotImports.Preview preview, List<String> pairs, Model model) {
        DivisionTree tree = territory.tree(preview.asOf());
        Function<Long, String> name = unitId -> unitId == null ? "" : tree.find(unitId).map(Division::name).orElse("#" + unitId);
        SnapshotApi.PreviewView view = SnapshotApi.view(preview);
        model.addAttribute("preview", view);
        model.addAttribute("fileName", preview.fileName());
        model.addAttribute("applied", preview.applied());
        model.addAttribute("unitName", name);
        model.addAttribute("pairs", pairs == null ? List.of() : pairs);
        model.addAttribute("ruleCounts", view.matchedByRule().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey).toList());
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
