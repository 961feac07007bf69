package cn.linli.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Answers bad input to {@code /api/**} with a 400 {@link ApiError} in the user's language. Pages are left alone:
 * for any other path the exception is rethrown, which Spring MVC documents as "as if this handler had not matched",
 * so pages keep their own error handling. Modules add handlers for their domain exceptions next to their controllers;
 * a domain exception that implements {@link RejectedInput} needs none.
 */
@RestControllerAdvice
class ApiErrorAdvice {

    private static final String API_PREFIX = "/api/";

    private final MessageSource messages;

    ApiErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    /** Bean Validation of a request body or of bound parameters ({@code @Valid}). */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiError> invalidFields(BindException ex, HttpServletRequest request, Locale locale) throws BindException {
        requireApi(request, ex);
        List<ApiError.FieldMessage> errors = new ArrayList<>();
        ex.getFieldErrors().forEach(error -> errors.add(new ApiError.FieldMessage(error.getField(), text(error, locale))));
        ex.getGlobalErrors().forEach(error -> errors.add(new ApiError.FieldMessage(null, text(error, locale))));
        return badRequest(messages.getMessage("web.error.validation", null, locale), errors);
    }

    /** Constraints on controller method parameters ({@code @RequestParam @Min(1) int page}). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException ex, HttpServletRequest request, Locale locale)
            throws HandlerMethodValidationException {
        requireApi(request, ex);
        List<ApiError.FieldMessage> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new ApiError.FieldMessage(result.getMethodParameter().getParameterName(), text(error, locale)))));
        return badRequest(messages.getMessage("web.error.validation", null, locale), errors);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> illegalArgument(IllegalArgumentException ex, HttpServletRequest request, Locale locale) {
        requireApi(request, ex);
        if (ex instanceof RejectedInput rejected) {
            String message = text(rejected, locale);
            List<ApiError.FieldMessage> errors = rejected.field() == null ? List.of()
                    : List.of(new ApiError.FieldMessage(rejected.field(), message));
            return badRequest(message, errors);
        }
        String message = ex.getMessage() != null ? ex.getMessage() : messages.getMessage("web.error.badRequest", null, locale);
        return badRequest(message, List.of());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request,
            Locale locale) throws MissingServletRequestParameterException {
        requireApi(request, ex);
        return fieldProblem(ex.getParameterName(), "web.error.missingParameter", locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request, Locale locale) {
        requireApi(request, ex);
        return fieldProblem(ex.getName(), "web.error.invalidValue", locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException ex, HttpServletRequest request, Locale locale) {
        requireApi(request, ex);
        return badRequest(messages.getMessage("web.error.unreadableBody", null, locale), List.of());
    }

    private ResponseEntity<ApiError> fieldProblem(String field, String code, Locale locale) {
        String message = messages.getMessage(code, new Object[] {field}, locale);
        return badRequest(message, List.of(new ApiError.FieldMessage(field, message)));
    }

    private static ResponseEntity<ApiError> badRequest(String message, List<ApiError.FieldMessage> errors) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        String field = errors.isEmpty() ? null : errors.get(0).field();
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message, field, errors));
    }

    private String text(MessageSourceResolvable resolvable, Locale locale) {
        return messages.getMessage(resolvable, locale);
    }

    private static <E extends Exception> void requireApi(HttpServletRequest request, E ex) throws E {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(API_PREFIX)) {
            throw ex;
        }
    }
}
