package cn.linli.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error answer under {@code /api/**}: the HTTP status and its reason phrase, a message in the
 * user's language and, for bad input, the field at fault and every rejected field. Absent parts are left out of the
 * JSON, so a client reads {@code errors} only when the input was checked field by field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, String field, List<FieldMessage> errors) {

    public ApiError {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** An error that concerns the request as a whole, not one field. */
    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, null, List.of());
    }

    /** One rejected field and why, in the user's language. */
    public record FieldMessage(String field, String message) implements java.io.Serializable {
    }
}
