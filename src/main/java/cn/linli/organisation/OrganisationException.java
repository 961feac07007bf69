package cn.linli.organisation;

import cn.linli.web.RejectedInputException;

/**
 * Input that breaks an organisation rule: the field at fault and a message key with arguments, answered as a 400 in
 * the user's language. Thrown before anything is written, so a rejected change leaves everything as it was.
 */
public class OrganisationException extends RejectedInputException {

    public OrganisationException(String field, String code, Object... arguments) {
        super(field, code, arguments);
    }
}
