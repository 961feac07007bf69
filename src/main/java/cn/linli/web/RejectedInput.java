package cn.linli.web;

import org.springframework.context.MessageSourceResolvable;

/**
 * An exception about bad input that can say, in the user's language, what is wrong and with which field. A module's
 * domain exception implements it (and extends {@link IllegalArgumentException}) so that {@code /api/**} answers it
 * with a localized 400 and pages can show the message next to the field.
 */
public interface RejectedInput extends MessageSourceResolvable {

    /** The name of the input field at fault, or {@code null} when the input as a whole is rejected. */
    String field();
}
