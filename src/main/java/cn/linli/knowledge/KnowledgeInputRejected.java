package cn.linli.knowledge;

import cn.linli.web.RejectedInputException;

/** A knowledge-base input that cannot be taken: the field and what is wrong with it. Nothing was changed. */
public class KnowledgeInputRejected extends RejectedInputException {

    public KnowledgeInputRejected(String field, String code, Object... arguments) {
        super(field, code, arguments);
    }
}
