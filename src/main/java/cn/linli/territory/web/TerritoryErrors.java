package cn.linli.territory.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.linli.shared.InvalidDivisionCodeException;
import cn.linli.territory.TerritoryException;

/** Territory rule violations as 400 (or 404 for units outside the jurisdiction) in the user's language. */
@RestControllerAdvice(basePackageClasses = TerritoryErrors.class)
class TerritoryErrors {

    private final MessageSource messages;

    TerritoryErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TerritoryException.class)
    ResponseEntity<Map<String, Object>> rule(TerritoryException e, Locale locale) {
        HttpStatus status = e instanceof TerritoryApi.UnitNotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
        return body(status, e.field(), message);
    }

    @ExceptionHandler(InvalidDivisionCodeException.class)
    ResponseEntity<Map<String, Object>> code(InvalidDivisionCodeException e, Locale locale) {
        String reason = messages.getMessage("territory.code-reason." + e.reason(), null, e.reason(), locale);
        String message = messages.getMessage("territory.error.code-invalid", new Object[] {e.code(), reason}, locale);
        return body(HttpStatus.BAD_REQUEST, "code", message);
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String field, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", status.getReasonPhrase(),
                "field", field, "message", message, "errors", List.of(Map.of("field", field, "message", message))));
    }
}
