package cn.linli.registry.importing;

import cn.linli.registry.ImportField;

/**
 * A row that breaks a rule, with the field and the message key. Thrown and caught once per bad row, so it skips the
 * stack trace: a file with many bad rows is still validated fast.
 */
final class RowRejected extends RuntimeException {

    final ImportField field;
    final String code;
    final String argument;

    RowRejected(ImportField field, String code, Object argument) {
        super(code, null, false, false);
        this.field = field;
        this.code = code;
        this.argument = argument == null ? null : cut(argument.toString());
    }

    private static String cut(String text) {
        return text.length() <= 100 ? text : text.substring(0, 99) + "…";
    }
}
