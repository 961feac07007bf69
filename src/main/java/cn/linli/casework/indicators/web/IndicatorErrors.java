package cn.linli.casework.indicators.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.linli.casework.IndicatorException;
import cn.linli.web.ApiError;

/** A refused indicator request as 400 with the field at fault, in the user's language; 403 for a rebuild by others. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = IndicatorApi.class)
class IndicatorErrors {

    private final MessageSource messages;

    IndicatorErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(IndicatorException.class)
    ResponseEntity<ApiError> rejected(IndicatorException e, Locale locale) {
        HttpStatus status = e.messageKey().endsWith("forbidden") ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message, e.field(),
                List.of(new ApiError.FieldMessage(e.field(), message))));
    }
}
