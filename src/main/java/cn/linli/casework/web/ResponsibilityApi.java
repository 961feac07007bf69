package cn.linli.casework.web;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.casework.ResponsibilityRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The responsibility matrix (category × place → main unit and co-handlers); changes by city administrators. */
@RestController
@RequestMapping(path = "/api/casework/responsibility", produces = "application/json")
@Tag(name = "casework responsibility", description = "Rules that route a category at a place to a unit (主办/协办)")
class ResponsibilityApi {

    private final ResponsibilityRules rules;

    ResponsibilityApi(ResponsibilityRules rules) {
        this.rules = rules;
    }

    record NewRule(String categoryCode, Long placeUnitId, Long mainUnit, Set<Long> coUnits, String note) {
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
        return rules.add(rule.categoryCode(), rule.placeUnitId(), rule.mainUnit(), rule.coUnits(), rule.note());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a rule; routing falls back to the general principles")
    void remove(@PathVariable long id) {
        rules.remove(id);
    }
}
