package cn.linli.access;

import cn.linli.web.RejectedInputException;

/** Input to the access module that breaks a rule: the field at fault and a message key with its arguments. */
public abstract class RejectedAccessInput extends RejectedInputException {

    RejectedAccessInput(String field, String code, String englishMessage, Object... arguments) {
        super(field, code, englishMessage, arguments);
    }
}
