package cn.linli.casework.web;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.casework.ResponsibilityRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The responsibility matrix (category × place → main unit and co-handlers); changes by the city administrator, and
 * by district staff for places of their district.
 */
@RestController
@RequestMapping(path = "/api/casework/responsibility", produces = "application/json")
@Tag(name = "casework responsibility", description = "Rules that route a category at a place to a unit (主办/协办)")
class ResponsibilityApi {

    private final ResponsibilityRules rules;
    private final ResponsibilityTester tester;

    ResponsibilityApi(ResponsibilityRules rules, ResponsibilityTester tester) {
        this.rules = rules;
        this.tester = tester;
    }

    record NewRule(String categoryCode, Long placeUnitId, Long mainUnit, Set<Long> coUnits, String note) {
        ResponsibilityRules.Draft draft() {
            return new ResponsibilityRules.Draft(categoryCode, placeUnitId, mainUnit, coUnits, note);
        }
    }

    /** The tester's answer: the unit, its co-handlers, why (MATRIX, DEPARTMENT, TERRITORIAL, FALLBACK) and the rule. */
    record Answer(long unitId, String unitName, List<Long> coUnits, String reason, Long ruleId, Long placeUnitId) {
    }

    @GetMapping
    @Operation(summary = "Every rule of the matrix")
    List<ResponsibilityRules.Rule> all() {
        return rules.all();
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a rule: a category (or major class) at a place (its whole area) goes to a main unit, with co-handlers")
    ResponsibilityRules.Rule add(@RequestBody NewRule rule) {
        return rules.add(rule.draft());
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Change a rule (category, place, main unit, co-handlers, note)")
    ResponsibilityRules.Rule update(@PathVariable long id, @RequestBody NewRule rule) {
        return rules.update(id, rule.draft());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Retire a rule; routing falls back to the general principles")
    void remove(@PathVariable long id) {
        rules.remove(id);
    }

    @GetMapping("/who-handles")
    @Operation(summary = "Who handles a category at a place (a territory unit, or a point lng/lat): the unit and why")
    Answer whoHandles(@RequestParam(required = false) String categoryCode, @RequestParam(required = false) String placeUnitId,
            @RequestParam(required = false) String lng, @RequestParam(required = false) String lat) {
        ResponsibilityTester.Result r = tester.ask(categoryCode, placeUnitId, lng, lat);
        var a = r.answer();
        return new Answer(a.unit().id(), a.unit().name(), a.coHandlers().stream().map(u -> u.id()).toList(), a.reason().name(),
                a.rule().map(ResponsibilityRules.Rule::id).orElse(null), r.placeUnitId());
    }
}
