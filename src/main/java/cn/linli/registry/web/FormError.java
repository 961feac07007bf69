package cn.linli.registry.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

import cn.linli.web.RejectedInputException;

/**
 * A refused form: which form, the field at fault and the message in the user's language, so the page shows it next
 * to that field; the values typed are handed back so nothing has to be typed again.
 */
record FormError(String form, String field, String message) {

    static void addTo(Model model, String form, RejectedInputException e, Map<String, String> submitted,
            MessageSource messages, Locale locale) {
        model.addAttribute("error", new FormError(form, e.field(), messages.getMessage(e, locale)));
        model.addAttribute("submitted", submitted);
    }

    /** Whether the message belongs next to this field of this form. */
    public boolean at(String formName, String fieldName) {
        return form.equals(formName) && fieldName.equals(field);
    }

    /** Whether the message belongs to this form but none of the listed fields (shown at the top of the form). */
    public boolean general(String formName, java.util.List<String> fields) {
        return form.equals(formName) && !fields.contains(field);
    }
}
