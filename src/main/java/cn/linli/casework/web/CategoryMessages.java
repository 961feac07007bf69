package cn.linli.casework.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import cn.linli.casework.CategoryException;
import cn.linli.web.ApiError;

/**
 * Catalogue rule violations in the user's language, for the JSON API and the pages alike. Not a bean of its own, so
 * web slice tests, which load every controller advice but no plain components, need nothing extra for it.
 */
class CategoryMessages {

    private final MessageSource messages;

    CategoryMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The rejection as one sentence and every rejected field with its reason. */
    record Rejection(String message, List<ApiError.FieldMessage> errors) implements java.io.Serializable {
    }

    Rejection of(CategoryException e, Locale locale) {
        List<ApiError.FieldMessage> errors = e.problems().stream()
                .map(p -> new ApiError.FieldMessage(p.field(), messages.getMessage(p.key(), p.arguments().toArray(), p.key(), locale)))
                .toList();
        String message = errors.size() == 1 ? errors.get(0).message() : text("casework.error.invalid", locale, errors.size());
        return new Rejection(message, errors);
    }

    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
