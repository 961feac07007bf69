package cn.linli.registry.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.linli.web.ApiError;

/** A record outside the caller's scope (or none at all) as 404 in the platform's {@link ApiError} form. */
@RestControllerAdvice(assignableTypes = {RegistryApi.class, RegistryCommandApi.class})
class RegistryApiErrors {

    private final MessageSource messages;

    RegistryApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotInScope.class)
    ResponseEntity<ApiError> notFound(NotInScope e, Locale locale) {
        String message = messages.getMessage("registry.web.not-found", null, locale);
        HttpStatus status = HttpStatus.NOT_FOUND;
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message, null, List.of()));
    }
}
