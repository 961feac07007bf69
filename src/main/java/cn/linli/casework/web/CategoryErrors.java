package cn.linli.casework.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.linli.casework.CategoryException;
import cn.linli.web.ApiError;

/**
 * Catalogue rule violations as 400 with every rejected field (404 for an unknown code), in the user's language, in
 * the platform's {@link ApiError} form. Ordered first: the platform's advice would answer the same exception, being
 * an {@link IllegalArgumentException}, with its first field only.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = CategoryApi.class)
class CategoryErrors {

    private final CategoryMessages messages;

    CategoryErrors(MessageSource messageSource) {
        this.messages = new CategoryMessages(messageSource);
    }

    @ExceptionHandler(CategoryException.class)
    ResponseEntity<ApiError> rejected(CategoryException e, Locale locale) {
        HttpStatus status = e.kind() == CategoryException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        CategoryMessages.Rejection rejection = messages.of(e, locale);
        return ResponseEntity.status(status)
                .body(new ApiError(status.value(), status.getReasonPhrase(), rejection.message(), e.field(), rejection.errors()));
    }
}
