package cn.linli.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.json.JsonMapper;

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

    /**
     * Answers with this error from outside Spring MVC (a filter, the security chain), where no message converter
     * writes it: the status, JSON in UTF-8, this body.
     */
    public void writeTo(HttpServletResponse response, JsonMapper json) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), this);
    }

    /** One rejected field and why, in the user's language. */
    public record FieldMessage(String field, String message) implements java.io.Serializable {
    }
}
