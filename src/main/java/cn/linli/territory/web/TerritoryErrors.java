package cn.linli.territory.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.linli.shared.InvalidDivisionCodeException;
import cn.linli.territory.SnapshotImports;
import cn.linli.territory.TerritoryException;
import cn.linli.territory.internal.snapshot.InvalidPairingsException;
import cn.linli.web.ApiError;

/**
 * Territory rule violations as 400 (404 for a unit outside the caller's jurisdiction), in the user's language, in
 * the platform's {@link ApiError} form. A rejected code list lists every bad row with its line.
 */
@RestControllerAdvice(assignableTypes = {TerritoryApi.class, SnapshotApi.class, BoundaryApi.class, ReorganisationApi.class})
class TerritoryErrors {

    private final TerritoryMessages messages;

    /** Builds its own {@link TerritoryMessages}: every module's web slice loads this advice, but not components. */
    TerritoryErrors(MessageSource messageSource) {
        this.messages = new TerritoryMessages(messageSource);
    }

    @ExceptionHandler(TerritoryException.class)
    ResponseEntity<ApiError> rule(TerritoryException e, Locale locale) {
        HttpStatus status = e instanceof TerritoryApi.UnitNotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        TerritoryMessages.Rejection rejection = messages.rule(e, locale);
        List<ApiError.FieldMessage> errors = List.of(new ApiError.FieldMessage(e.field(), rejection.message()));
        if (e instanceof SnapshotImports.SnapshotRejectedException rejected) {
            errors = new java.util.ArrayList<>();
            for (int i = 0; i < rejected.problems().size(); i++) {
                var problem = rejected.problems().get(i);
                errors.add(new ApiError.FieldMessage("line " + problem.line() + (problem.field() == null ? "" : " " + problem.field()),
                        rejection.details().get(i)));
            }
        }
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), rejection.message(), e.field(), errors));
    }

    @ExceptionHandler(InvalidDivisionCodeException.class)
    ResponseEntity<ApiError> code(InvalidDivisionCodeException e, Locale locale) {
        String message = messages.code(e, locale).message();
        return ResponseEntity.badRequest().body(new ApiError(400, "Bad Request", message, "code",
                List.of(new ApiError.FieldMessage("code", message))));
    }

    @ExceptionHandler(InvalidPairingsException.class)
    ResponseEntity<ApiError> pairings(InvalidPairingsException e, Locale locale) {
        TerritoryMessages.Rejection rejection = messages.pairings(e, locale);
        List<ApiError.FieldMessage> errors = rejection.details().stream().map(d -> new ApiError.FieldMessage("pair", d)).toList();
        return ResponseEntity.badRequest().body(new ApiError(400, "Bad Request", rejection.message(), "pair", errors));
    }
}
