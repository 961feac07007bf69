package cn.linli.registry.web;

import java.util.function.LongSupplier;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.registry.Registry;
import cn.linli.registry.RegistryQueries;
import cn.linli.registry.RejectedRegistryInput;
import cn.linli.registry.ResidentData;
import cn.linli.registry.ResidentDataExports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The registry's commands. A resident, household or tag named in the path that lies outside the caller's scope is
 * 404, as in the reads; anything wrong in the body is 400 with the field, and nothing changes.
 */
@RestController
@RequestMapping(path = "/api/registry", produces = "application/json")
@Tag(name = "registry")
class RegistryCommandApi {

    private final Registry registry;
    private final RegistryQueries queries;
    private final ResidentDataExports dataExports;

    RegistryCommandApi(Registry registry, RegistryQueries queries, ResidentDataExports dataExports) {
        this.dataExports = dataExports;
        this.registry = registry;
        this.queries = queries;
    }

    record Created(long id) {
    }

    record Unmasked(long residentId, String document) {
    }

    @PostMapping("/residents/{id}/unmask")
    @Operation(summary = "The full document number, once, for a permitted role with a reason; written to the audit log")
    Unmasked unmask(@PathVariable long id, @RequestBody RegistryRequests.Unmask body) {
        return new Unmasked(id, queries.unmaskDocument(id, body.reason()).orElseThrow(NotInScope::new));
    }

    record Corrected(long id, java.util.List<String> changed) {
    }

    @PutMapping("/residents/{id}")
    @Operation(summary = "Correct a resident's details, based on the version read (400 on field 'version' when changed "
            + "meanwhile); documentNumber and phone left out stay unchanged; answers the names of the fields changed")
    Corrected correct(@PathVariable long id, @RequestBody RegistryRequests.Correct body) {
        java.util.List<String> changed = new java.util.ArrayList<>();
        onResident(() -> changed.addAll(registry.correct(id, body.correction())));
        return new Corrected(id, changed);
    }

    @PostMapping("/residents/{id}/data-export")
    @Operation(summary = "Everything held about the resident, unmasked, for the resident themself (PIPL access right): "
            + "personal fields, memberships, care tags, visits, who read the record; needs UNMASK and a reason; audited")
    ResidentData dataExport(@PathVariable long id, @RequestBody RegistryRequests.Unmask body) {
        ResidentData[] data = new ResidentData[1];
        onResident(() -> data[0] = dataExports.export(id, body.reason(), "json"));
        return data[0];
    }

    @PostMapping("/households/{id}/residents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a new resident into a household (kind REGISTERED or ACTUAL, relation to the head, date)")
    Created register(@PathVariable long id, @RequestBody RegistryRequests.Register body) {
        return new Created(onHousehold(() -> registry.register(body.resident(), id, body.kind(), body.relation(), body.date())));
    }

    @PostMapping("/households/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a visit to a household: date, what was found, whether it needs a follow-up")
    Created visit(@PathVariable long id, @RequestBody RegistryRequests.Visit body) {
        return new Created(onHousehold(() -> registry.recordVisit(id, body.date(), body.findings(),
                Boolean.TRUE.equals(body.followUp()))));
    }

    @PostMapping("/residents/{id}/move-in")
    @Operation(summary = "The resident joins a household (householdId, kind, relation, date)")
    void moveIn(@PathVariable long id, @RequestBody RegistryRequests.Move body) {
        onResident(() -> registry.moveIn(id, household(body), body.kind(), body.relation(), body.date()));
    }

    @PostMapping("/residents/{id}/move-out")
    @Operation(summary = "The resident leaves the current household of the kind on the date")
    void moveOut(@PathVariable long id, @RequestBody RegistryRequests.Move body) {
        onResident(() -> registry.moveOut(id, body.kind(), body.date()));
    }

    @PostMapping("/residents/{id}/move-within-city")
    @Operation(summary = "The resident moves to another household of the city (householdId, kind, relation, date)")
    void moveWithinCity(@PathVariable long id, @RequestBody RegistryRequests.Move body) {
        onResident(() -> registry.moveWithinCity(id, body.kind(), household(body), body.relation(), body.date()));
    }

    @PostMapping("/residents/{id}/move-out-of-city")
    @Operation(summary = "The resident leaves the city on the date; every current membership ends")
    void moveOutOfCity(@PathVariable long id, @RequestBody RegistryRequests.OnDate body) {
        onResident(() -> registry.moveOutOfCity(id, body.date()));
    }

    @PostMapping("/residents/{id}/death")
    @Operation(summary = "Record the resident's death on the date")
    void death(@PathVariable long id, @RequestBody RegistryRequests.OnDate body) {
        onResident(() -> registry.recordDeath(id, body.date()));
    }

    @PostMapping("/residents/{id}/care-tags")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a care tag (type code, grade for graded types, validFrom, optional validTo)")
    Created addCareTag(@PathVariable long id, @RequestBody RegistryRequests.CareTag body) {
        long[] created = new long[1];
        onResident(() -> created[0] = registry.addCareTag(id, body.type(), body.grade(), body.validFrom(), body.validTo()));
        return new Created(created[0]);
    }

    @PostMapping("/care-tags/{id}/end")
    @Operation(summary = "End a care tag on the date")
    void endCareTag(@PathVariable long id, @RequestBody RegistryRequests.OnDate body) {
        scoped("registry.error.unknown-tag", () -> registry.endCareTag(id, body.date()));
    }

    private static long household(RegistryRequests.Move body) {
        if (body.householdId() == null) throw new RejectedRegistryInput("householdId", "registry.error.required");
        return body.householdId();
    }

    private static long onHousehold(LongSupplier command) {
        long[] result = new long[1];
        scoped("registry.error.unknown-household", () -> result[0] = command.getAsLong());
        return result[0];
    }

    private static void onResident(Runnable command) {
        scoped("registry.error.unknown-resident", command);
    }

    /** The path's record unknown in the caller's scope is 404; the same refusal for a record named in the body stays 400. */
    static void scoped(String unknownCode, Runnable command) {
        try {
            command.run();
        } catch (RejectedRegistryInput e) {
            if (e.code().equals(unknownCode)) throw new NotInScope();
            throw e;
        }
    }
}
