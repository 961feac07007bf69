package cn.linli.organisation.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.linli.web.ApiError;

/** A unit outside the caller's scope or unknown: 404 in the platform's error form. Bad input is handled centrally. */
@RestControllerAdvice(assignableTypes = OrganisationApi.class)
class OrganisationApiErrors {

    private final MessageSource messages;

    OrganisationApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UnitNotFoundException.class)
    ResponseEntity<ApiError> notFound(UnitNotFoundException e, Locale locale) {
        String message = messages.getMessage("organisation.error.not-found", null, locale);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of(404, "Not Found", message));
    }
}
