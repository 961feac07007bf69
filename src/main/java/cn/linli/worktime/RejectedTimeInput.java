package cn.linli.worktime;

import cn.linli.web.RejectedInputException;

/**
 * Input to the working-time module that breaks a rule: the field at fault and a message key with its arguments, so
 * the API answers a localized 400. Nothing has been changed when it is thrown.
 */
public class RejectedTimeInput extends RejectedInputException {

    public RejectedTimeInput(String field, String code, Object... arguments) {
        super(field, code, arguments);
    }
}
