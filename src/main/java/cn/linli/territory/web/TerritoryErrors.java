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
import cn.linli.web.ApiError;

/**
 * Territory rule violations as 400 (404 for a unit outside the caller's jurisdiction), in the user's language, in
 * the platform's {@link ApiError} form. A rejected code list lists every bad row with its line.
 */
@RestControllerAdvice(assignableTypes = {TerritoryApi.class, SnapshotApi.class, BoundaryApi.class, ReorganisationApi.class})
class TerritoryErrors {

    private final MessageSource messages;

    TerritoryErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TerritoryException.class)
    ResponseEntity<ApiError> rule(TerritoryException e, Locale locale) {
        HttpStatus status = e instanceof TerritoryApi.UnitNotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        String message = text(e.messageKey(), e.arguments(), locale);
        List<ApiError.FieldMessage> errors = List.of(new ApiError.FieldMessage(e.field(), message));
        if (e instanceof SnapshotImports.SnapshotRejectedException rejected) {
            errors = rejected.problems().stream().map(p -> new ApiError.FieldMessage(
                    "line " + p.line() + (p.field() == null ? "" : " " + p.field()),
                    text("territory.snapshot.line", new Object[] {p.line(), text(p.messageKey(), p.arguments().toArray(), locale)}, locale)))
                    .toList();
        }
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message, e.field(), errors));
    }

    @ExceptionHandler(InvalidDivisionCodeException.class)
    ResponseEntity<ApiError> code(InvalidDivisionCodeException e, Locale locale) {
        String reason = text("territory.code-reason." + e.reason(), null, locale);
        String message = text("territory.error.code-invalid", new Object[] {e.code(), reason}, locale);
        return ResponseEntity.badRequest().body(new ApiError(400, "Bad Request", message, "code",
                List.of(new ApiError.FieldMessage("code", message))));
    }

    private String text(String key, Object[] arguments, Locale locale) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
