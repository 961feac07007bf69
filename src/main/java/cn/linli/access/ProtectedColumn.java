package cn.linli.access;

import java.util.regex.Pattern;

/**
 * A column that stores protected values ({@link ProtectedValue#storedText()}) of one personal field, in a table with a
 * numeric {@code id}. The module that owns the table declares it as a bean, so that re-encryption after a key or
 * algorithm change reaches every protected value without knowing the modules.
 */
public record ProtectedColumn(PersonalField field, String table, String column) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public ProtectedColumn {
        // the names go into SQL text, so they must be plain identifiers
        if (field == null || !IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("a protected column is a field with a lower-case table and column name; got "
                    + field + " " + table + "." + column);
        }
    }
}
