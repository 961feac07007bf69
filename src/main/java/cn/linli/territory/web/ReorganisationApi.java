package cn.linli.territory.web;

import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.access.CurrentActor;
import cn.linli.shared.DivisionCode;
import cn.linli.territory.NewUnit;
import cn.linli.territory.Reorganisations;
import cn.linli.territory.TerritoryException;
import cn.linli.territory.UnitType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Dated reorganisations, each one transaction and one recorded operation; city administrators only. A request that
 * breaks a rule gets a 400 naming the field and changes nothing.
 */
@RestController
@RequestMapping(path = "/api/territory/reorganisations", produces = "application/json", consumes = "application/json")
@Tag(name = "territory reorganisations", description = "Create, rename, recode, move, merge, split, abolish")
class ReorganisationApi {

    private final Reorganisations reorganisations;
    private final CurrentActor actors;

    ReorganisationApi(Reorganisations reorganisations, CurrentActor actors) {
        this.reorganisations = reorganisations;
        this.actors = actors;
    }

    record UnitSpec(String code, String name, String type, String urbanRural, Long parentId) {

        NewUnit toNewUnit() {
            if (code == null) throw new TerritoryException("code", "territory.error.code-invalid", "", "—");
            UnitType parsedType = null;
            if (type != null && !type.isBlank()) {
                try {
                    parsedType = UnitType.valueOf(type.strip());
                } catch (IllegalArgumentException e) {
                    throw new TerritoryException("type", "territory.error.type-unknown", type);
                }
            }
            return new NewUnit(DivisionCode.of(code), name, parsedType, urbanRural, parentId);
        }
    }

    record Create(String date, String note, UnitSpec unit) {
    }

    record Rename(String date, String note, String name) {
    }

    record Recode(String date, String note, String code) {
    }

    record Move(String date, String note, Long parentId, String code) {
    }

    record Merge(String date, String note, List<Long> sourceIds, Long targetId, UnitSpec newTarget) {
    }

    record SplitPart(UnitSpec unit, List<Long> childIds) {
    }

    record Split(String date, String note, List<SplitPart> parts) {
    }

    record Dated(String date, String note) {
    }

    record Done(List<Long> unitIds) {
    }

    @PostMapping("/create")
    @Operation(summary = "Create a unit under a parent")
    Done create(@RequestBody Create request) {
        requireAdministrator();
        return new Done(List.of(reorganisations.create(request.unit().toNewUnit(), ApiParameters.date(request.date()), request.note())));
    }

    @PostMapping("/units/{id}/rename")
    Done rename(@PathVariable long id, @RequestBody Rename request) {
        requireAdministrator();
        reorganisations.rename(id, request.name(), ApiParameters.date(request.date()), request.note());
        return new Done(List.of(id));
    }

    @PostMapping("/units/{id}/recode")
    Done recode(@PathVariable long id, @RequestBody Recode request) {
        requireAdministrator();
        reorganisations.recode(id, DivisionCode.of(request.code()), ApiParameters.date(request.date()), request.note());
        return new Done(List.of(id));
    }

    @PostMapping("/units/{id}/move")
    Done move(@PathVariable long id, @RequestBody Move request) {
        requireAdministrator();
        if (request.parentId() == null) throw new TerritoryException("parentId", "territory.error.parent-required");
        DivisionCode code = request.code() == null || request.code().isBlank() ? null : DivisionCode.of(request.code());
        reorganisations.move(id, request.parentId(), code, ApiParameters.date(request.date()), request.note());
        return new Done(List.of(id));
    }

    @PostMapping("/merge")
    @Operation(summary = "Merge units into an existing unit (targetId) or a new one (newTarget)")
    Done merge(@RequestBody Merge request) {
        requireAdministrator();
        long target = reorganisations.merge(request.sourceIds(), request.targetId(),
                request.newTarget() == null ? null : request.newTarget().toNewUnit(), ApiParameters.date(request.date()), request.note());
        return new Done(List.of(target));
    }

    @PostMapping("/units/{id}/split")
    Done split(@PathVariable long id, @RequestBody Split request) {
        requireAdministrator();
        if (request.parts() == null) throw new TerritoryException("parts", "territory.error.split-parts");
        List<Reorganisations.SplitPart> parts = request.parts().stream()
                .map(p -> new Reorganisations.SplitPart(p.unit().toNewUnit(), p.childIds() == null ? List.of() : p.childIds())).toList();
        return new Done(reorganisations.split(id, parts, ApiParameters.date(request.date()), request.note()));
    }

    @PostMapping("/units/{id}/abolish")
    Done abolish(@PathVariable long id, @RequestBody Dated request) {
        requireAdministrator();
        reorganisations.abolish(id, ApiParameters.date(request.date()), request.note());
        return new Done(List.of(id));
    }

    @PostMapping("/units/{id}/abolish-streets")
    @Operation(summary = "Abolish a district's street offices; its communities come directly under the district")
    Done abolishStreets(@PathVariable long id, @RequestBody Dated request) {
        requireAdministrator();
        reorganisations.abolishStreets(id, ApiParameters.date(request.date()), request.note());
        return new Done(List.of(id));
    }

    private void requireAdministrator() {
        TerritoryEditors.require(actors);
    }
}
