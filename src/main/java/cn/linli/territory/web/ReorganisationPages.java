package cn.linli.territory.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.access.CurrentActor;
import cn.linli.shared.DivisionCode;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.NewUnit;
import cn.linli.territory.Reorganisations;
import cn.linli.territory.TerritoryException;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.UnitType;

/**
 * The reorganisation forms on a unit's page (rename, recode, move, merge into it, a new sub-unit, abolish). Each
 * form posts here and comes back to the unit's page with the outcome or the rejected field and reason; a rejected
 * form changes nothing. Units are named by their codes, as staff know them. City administrators only.
 */
@Controller
class ReorganisationPages {

    /** Dates default to today in the city's time zone, where the civil-affairs bureau records its decisions. */
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final Reorganisations reorganisations;
    private final TerritoryQueries territory;
    private final CurrentActor actors;
    private final TerritoryMessages messages;

    ReorganisationPages(Reorganisations reorganisations, TerritoryQueries territory, CurrentActor actors, TerritoryMessages messages) {
        this.reorganisations = reorganisations;
        this.territory = territory;
        this.actors = actors;
        this.messages = messages;
    }

    @PostMapping("/divisions/{id}/rename")
    String rename(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String date,
            @RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
        return perform(id, "rename", locale, redirect, () -> {
            reorganisations.rename(id, name, date(date), note);
            return id;
        });
    }

    @PostMapping("/divisions/{id}/recode")
    String recode(@PathVariable long id, @RequestParam(required = false) String code, @RequestParam(required = false) String date,
            @RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
        return perform(id, "recode", locale, redirect, () -> {
            reorganisations.recode(id, DivisionCode.of(code == null ? "" : code.strip()), date(date), note);
            return id;
        });
    }

    @PostMapping("/divisions/{id}/move")
    String move(@PathVariable long id, @RequestParam(required = false) String parentCode, @RequestParam(required = false) String code,
            @RequestParam(required = false) String date, @RequestParam(required = false) String note, Locale locale,
            RedirectAttributes redirect) {
        return perform(id, "move", locale, redirect, () -> {
            LocalDate on = date(date);
            long parentId = unitByCode("parentCode", parentCode, on).id();
            DivisionCode newCode = code == null || code.isBlank() ? null : DivisionCode.of(code.strip());
            reorganisations.move(id, parentId, newCode, on, note);
            return id;
        });
    }

    @PostMapping("/divisions/{id}/merge")
    String mergeInto(@PathVariable long id, @RequestParam(required = false) String sourceCodes,
            @RequestParam(required = false) String date, @RequestParam(required = false) String note, Locale locale,
            RedirectAttributes redirect) {
        return perform(id, "merge", locale, redirect, () -> {
            LocalDate on = date(date);
            List<Long> sources = new ArrayList<>();
            for (String code : (sourceCodes == null ? "" : sourceCodes).split("[\\s,，、;；]+")) {
                if (!code.isBlank()) sources.add(unitByCode("sourceCodes", code, on).id());
            }
            if (sources.isEmpty()) throw new TerritoryException("sourceCodes", "territory.error.merge-sources");
            return reorganisations.merge(sources, id, null, on, note);
        });
    }

    @PostMapping("/divisions/{id}/create")
    String createChild(@PathVariable long id, @RequestParam(required = false) String code, @RequestParam(required = false) String name,
            @RequestParam(required = false) String type, @RequestParam(required = false) String urbanRural,
            @RequestParam(required = false) String date, @RequestParam(required = false) String note, Locale locale,
            RedirectAttributes redirect) {
        return perform(id, "create", locale, redirect, () -> {
            UnitType parsedType = null;
            if (type != null && !type.isBlank()) {
                try {
                    parsedType = UnitType.valueOf(type.strip());
                } catch (IllegalArgumentException e) {
                    throw new TerritoryException("type", "territory.error.type-unknown", type);
                }
            }
            String urbanRuralCode = urbanRural == null || urbanRural.isBlank() ? null : urbanRural.strip();
            reorganisations.create(new NewUnit(DivisionCode.of(code == null ? "" : code.strip()), name, parsedType, urbanRuralCode, id),
                    date(date), note);
            return id;
        });
    }

    @PostMapping("/divisions/{id}/abolish")
    String abolish(@PathVariable long id, @RequestParam(required = false) String date, @RequestParam(required = false) String note,
            Locale locale, RedirectAttributes redirect) {
        return perform(id, "abolish", locale, redirect, () -> {
            LocalDate on = date(date);
            Long parent = territory.tree(on.minusDays(1)).find(id).map(Division::parentId).orElse(null);
            reorganisations.abolish(id, on, note);
            return parent == null ? id : parent;
        });
    }

    /** Runs one operation; on success shows the unit it leaves the user on, on rejection the form with the reason. */
    private String perform(long unitId, String form, Locale locale, RedirectAttributes redirect, Supplier<Long> operation) {
        TerritoryEditors.require(actors);
        long shown;
        try {
            shown = operation.get();
            redirect.addFlashAttribute("done", messages.text("reorganise.done." + form, locale));
        } catch (TerritoryException | IllegalArgumentException e) {
            TerritoryMessages.Rejection rejection = messages.of(e, locale);
            redirect.addFlashAttribute("rejectedForm", form);
            redirect.addFlashAttribute("rejection", rejection);
            shown = unitId;
        }
        return "redirect:/divisions/" + shown;
    }

    private Division unitByCode(String field, String code, LocalDate date) {
        String wanted = code == null ? "" : code.strip();
        DivisionTree tree = territory.tree(date);
        return tree.findByCode(wanted).orElseThrow(() -> new TerritoryException(field, "territory.error.code-unknown", wanted, date));
    }

    private static LocalDate date(String value) {
        LocalDate parsed = ApiParameters.date(value);
        return parsed == null ? LocalDate.now(CITY_ZONE) : parsed;
    }
}
