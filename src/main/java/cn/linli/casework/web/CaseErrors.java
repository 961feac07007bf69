package cn.linli.casework.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.linli.casework.CaseRuleException;
import cn.linli.web.ApiError;

/**
 * Refused case actions on the JSON API: 400 for bad input (naming the field), 403 for a user who may not act, 404
 * for a case the user may not see, 409 when the case's state or version does not allow it; in the user's language.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class CaseErrors {

    private final CaseMessages messages;

    CaseErrors(MessageSource messageSource) {
        this.messages = new CaseMessages(messageSource);
    }

    @ExceptionHandler(CaseRuleException.class)
    ResponseEntity<ApiError> refused(CaseRuleException e, Locale locale) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        String message = messages.of(e, locale);
        List<ApiError.FieldMessage> errors = e.field() == null ? List.of() : List.of(new ApiError.FieldMessage(e.field(), message));
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message, e.field(), errors));
    }
}
