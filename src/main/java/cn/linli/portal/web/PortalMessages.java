package cn.linli.portal.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.linli.casework.CaseState;
import cn.linli.portal.PortalRejected;

/** A refusal in the resident's language; states named in casework's messages shown by their label. */
@Component
class PortalMessages {

    private final MessageSource messages;

    PortalMessages(MessageSource messages) {
        this.messages = messages;
    }

    String of(PortalRejected e, Locale locale) {
        Object[] arguments = e.getArguments();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof CaseState state) arguments[i] = text("case.state." + state.name(), locale);
        }
        return messages.getMessage(e.code(), arguments, e.code(), locale);
    }

    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
