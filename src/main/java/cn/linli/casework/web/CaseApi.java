package cn.linli.casework.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseView;
import cn.linli.casework.ReceivedCase;
import cn.linli.casework.CaseWork;
import cn.linli.casework.internal.CaseAbilities.Ability;
import cn.linli.web.ApiError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * The staff API for cases: intake (idempotent with the {@code Idempotency-Key} header), reading within the caller's
 * scope, and one endpoint per transition. Every transition takes the {@code version} the client read; a case changed
 * since is refused with 409. Refusals come as {@link ApiError} from {@code CaseErrors}.
 */
@RestController
@RequestMapping(path = "/api/casework/cases", produces = "application/json")
@Tag(name = "casework-cases", description = "Cases (工单): intake, reading and every step of their life")
class CaseApi {

    private final CaseWork work;
    private final CaseQueries queries;
    private final CaseCommands commands;
    private final CaseMessages messages;

    CaseApi(CaseWork work, CaseQueries queries, CaseCommands commands, MessageSource messageSource) {
        this.work = work;
        this.queries = queries;
        this.commands = commands;
        this.messages = new CaseMessages(messageSource);
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Take in a request (受理); 201 with the new case, 200 with the same case when the Idempotency-Key was used before")
    ResponseEntity<CaseView> intake(@RequestBody CaseIntakeRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        // the new case is answered from what the intake wrote; a case outside the user's scope reads as unknown
        ReceivedCase received = work.receiveAndShow(body.toNewCase(idempotencyKey)).orElseThrow(() -> unknown(""));
        CaseView view = received.view();
        if (received.repeated()) return ResponseEntity.ok(view);
        return ResponseEntity.created(URI.create("/api/casework/cases/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case with its timeline; 404 for a case outside the caller's scope")
    CaseView find(@PathVariable long id) {
        return found(id);
    }

    @GetMapping("/by-number/{number}")
    @Operation(summary = "A case by its number (e.g. 20261126-0001); 404 outside the caller's scope")
    CaseView byNumber(@PathVariable String number) {
        return queries.findByNumber(number).orElseThrow(() -> unknown(number));
    }

    @PostMapping(path = "/{id}/answer", consumes = "application/json")
    @Operation(summary = "即时办结: answer at intake and close (version, answer)")
    CaseView answer(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.ANSWER, body);
    }

    @PostMapping(path = "/{id}/refuse", consumes = "application/json")
    @Operation(summary = "不予受理 (version, reason)")
    CaseView refuse(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.REFUSE, body);
    }

    @PostMapping(path = "/{id}/register", consumes = "application/json")
    @Operation(summary = "立案 under a minor category (version, categoryCode, urgent)")
    CaseView register(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.REGISTER, body);
    }

    @PostMapping(path = "/{id}/dispatch", consumes = "application/json")
    @Operation(summary = "派遣 to a main unit with optional co-handlers (version, unitId, coUnits, note)")
    CaseView dispatch(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.DISPATCH, body);
    }

    @PostMapping(path = "/{id}/accept", consumes = "application/json")
    @Operation(summary = "签收 by the main unit (version)")
    CaseView accept(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.ACCEPT, body);
    }

    @PostMapping(path = "/{id}/return", consumes = "application/json")
    @Operation(summary = "退单 to the dispatcher (version, reason)")
    CaseView returnCase(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.RETURN, body);
    }

    @PostMapping(path = "/{id}/result", consumes = "application/json")
    @Operation(summary = "处置反馈: the handling unit's result (version, result)")
    CaseView result(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.RESULT, body);
    }

    @PostMapping(path = "/{id}/verify", consumes = "application/json")
    @Operation(summary = "核查 by the supervision side (version, passed, note; a failed check needs the note)")
    CaseView verify(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.VERIFY, body);
    }

    @PostMapping(path = "/{id}/return-visit", consumes = "application/json")
    @Operation(summary = "回访 (version, satisfaction, reopen, note)")
    CaseView returnVisit(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.RETURN_VISIT, body);
    }

    @PostMapping(path = "/{id}/extension", consumes = "application/json")
    @Operation(summary = "延期申请 before the deadline (version, until, reason)")
    CaseView extension(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.EXTENSION, body);
    }

    @PostMapping(path = "/{id}/extension-decision", consumes = "application/json")
    @Operation(summary = "延期审批 (version, approve, note)")
    CaseView extensionDecision(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.EXTENSION_DECISION, body);
    }

    @PostMapping(path = "/{id}/suspend", consumes = "application/json")
    @Operation(summary = "挂起 (version, reason)")
    CaseView suspend(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.SUSPEND, body);
    }

    @PostMapping(path = "/{id}/resume", consumes = "application/json")
    @Operation(summary = "恢复办理 (version)")
    CaseView resume(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.RESUME, body);
    }

    @PostMapping(path = "/{id}/void", consumes = "application/json")
    @Operation(summary = "作废 (version, reason)")
    CaseView voidCase(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.VOID, body);
    }

    @PostMapping(path = "/{id}/merge", consumes = "application/json")
    @Operation(summary = "并单 into another open case (version, targetId or targetNumber)")
    CaseView merge(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.MERGE, body);
    }

    @PostMapping(path = "/{id}/supervise", consumes = "application/json")
    @Operation(summary = "督办 with instructions (version, instructions)")
    CaseView supervise(@PathVariable long id, @RequestBody CaseActionRequest body) {
        return act(id, Ability.SUPERVISE, body);
    }

    private CaseView act(long id, Ability ability, CaseActionRequest body) {
        commands.run(id, ability, body);
        return found(id);
    }

    private CaseView found(long id) {
        return queries.find(id).orElseThrow(() -> unknown(id));
    }

    private static CaseRuleException unknown(Object idOrNumber) {
        return new CaseRuleException(CaseRuleException.Kind.NOT_FOUND, "id", "case.error.case-unknown", idOrNumber);
    }

    /** A body that is not JSON, or a value of the wrong type or outside an enumeration: 400 naming the field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, Locale locale) {
        JacksonException jackson = cause(e);
        String field = jackson == null ? null : jackson.getPath().stream().map(r -> r.getPropertyName() != null
                ? r.getPropertyName() : "[" + r.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
        if (field == null || field.isEmpty()) {
            String message = messages.text("caseweb.error.json", locale);
            return ResponseEntity.badRequest().body(ApiError.of(400, HttpStatus.BAD_REQUEST.getReasonPhrase(), message));
        }
        String message = jackson instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()
                ? messages.text("caseweb.error.field-choice", locale, field, Arrays.stream(format.getTargetType().getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", ")))
                : messages.text("caseweb.error.field", locale, field);
        return ResponseEntity.badRequest().body(new ApiError(400, HttpStatus.BAD_REQUEST.getReasonPhrase(), message, field,
                List.of(new ApiError.FieldMessage(field, message))));
    }

    private static JacksonException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) return jackson;
        }
        return null;
    }
}
