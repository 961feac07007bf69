package cn.linli.registry;

/**
 * A rejected row: its number as the spreadsheet shows it (the heading is row 1), the field at fault and the message
 * key of the reason with its one argument (may be null).
 */
public record ImportProblem(int row, ImportField field, String code, String argument) {
}
