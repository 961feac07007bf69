package cn.linli.portal;

import cn.linli.web.RejectedInputException;

/**
 * A resident's input the portal refuses, with the field at fault and a message in their language; nothing was stored.
 * {@code status} is the HTTP status of the page: 400 for bad input, 429 for too many attempts or reports.
 */
public class PortalRejected extends RejectedInputException {

    private final int status;

    public PortalRejected(String field, String code, Object... arguments) {
        this(400, field, code, arguments);
    }

    public PortalRejected(int status, String field, String code, Object... arguments) {
        super(field, code, arguments);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
