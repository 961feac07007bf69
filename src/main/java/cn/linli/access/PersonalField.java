package cn.linli.access;

import java.util.regex.Pattern;

/**
 * The field a protected value belongs to, named by the module that owns it ({@code registry.resident.id_number}).
 * The name is bound into the ciphertext as associated data and into the blind index, so a value copied into another
 * field does not decrypt there, and equal values in two fields cannot be linked through their indexes.
 */
public record PersonalField(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final int MAX = 100;

    public PersonalField {
        if (name == null || name.length() > MAX || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a personal field is named module.table.column in lower case, e.g. "
                    + "registry.resident.id_number; got " + name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
