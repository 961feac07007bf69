package cn.linli.casework.web;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;

import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseState;

/**
 * A refused case action in the user's language: the pages put it next to the form, the API in its error body.
 * A state named in a message is shown by its label (“已派遣”), not its code.
 */
public final class CaseMessages {

    private final MessageSource messages;

    public CaseMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String of(CaseRuleException e, Locale locale) {
        Object[] arguments = Arrays.stream(e.arguments())
                .map(a -> a instanceof CaseState state ? text("case.state." + state.name(), locale) : a)
                .toArray();
        return messages.getMessage(e.messageKey(), arguments, e.messageKey(), locale);
    }

    public String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
