package cn.linli.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.linli.access.UnitNames.NamedUnit;

/**
 * Units chosen by what people know of them: a unit's code, or its name where only one unit has it (there are many
 * "第一网格"), or its id where no module names units.
 */
final class UnitChoice {

    /** Line breaks and commas (also the full-width ones of Chinese input) separate units. */
    private static final String SEPARATORS = "[\\r\\n,，;；]+";

    /** Enough to find the one unit of a name among the units whose names contain it. */
    private static final int SEARCHED = 1000;

    private UnitChoice() {
    }

    /**
     * The units named in the lines of a form field: each a unit code, an exact unit name, or (where no module names
     * units) an id.
     *
     * @throws InvalidUserException naming the first line that names no unit, or several units of that name
     */
    static Set<Long> resolve(UnitNames names, String lines) {
        Set<Long> ids = new LinkedHashSet<>();
        if (lines == null) {
            return ids;
        }
        for (String raw : lines.split(SEPARATORS)) {
            String line = raw.strip();
            if (!line.isEmpty()) {
                ids.add(names == null ? byId(line) : byName(names, line));
            }
        }
        return ids;
    }

    private static long byId(String line) {
        try {
            long id = Long.parseLong(line);
            if (id > 0) return id;
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidUserException("units", "access.accounts.unit.unknown", "there is no unit " + line, line);
    }

    private static long byName(UnitNames names, String line) {
        List<NamedUnit> found = names.search(line, SEARCHED);
        Optional<NamedUnit> byCode = found.stream().filter(u -> line.equals(u.code())).findFirst();
        if (byCode.isPresent()) {
            return byCode.get().id();
        }
        List<NamedUnit> named = found.stream().filter(u -> u.name().equals(line)).toList();
        if (named.size() == 1) {
            return named.get(0).id();
        }
        if (named.isEmpty()) {
            throw new InvalidUserException("units", "access.accounts.unit.unknown", "there is no unit " + line, line);
        }
        throw new InvalidUserException("units", "access.accounts.unit.ambiguous",
                named.size() + " units are called " + line + ": give the code", line, named.size());
    }
}
