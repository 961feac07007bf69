package cn.linli.registry;

import cn.linli.web.RejectedInputException;

/**
 * Input to the registry that breaks a rule: the field at fault and a message key with its arguments, so the API
 * answers a localized 400 and pages can show the message next to the field. Nothing has been changed when it is
 * thrown. A record outside the user's scope is refused as unknown, so that its existence does not leak.
 */
public class RejectedRegistryInput extends RejectedInputException {

    public RejectedRegistryInput(String field, String code, Object... arguments) {
        super(field, code, arguments);
    }
}
