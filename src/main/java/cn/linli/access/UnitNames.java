package cn.linli.access;

import java.util.List;
import java.util.Optional;

/**
 * The names of the units users serve, for the account pages: access knows units only by id and depends on no business
 * module, so the module that owns the units implements this (territory: divisions and grids). Access runs without an
 * implementation; units are then shown and chosen by id. Answers are unscoped: the names of the city's units are what
 * the system administrator needs to give an account its units, and are no personal data.
 */
public interface UnitNames {

    /** Units whose name contains the text or whose code starts with it, the higher levels first, at most {@code limit}. */
    List<NamedUnit> search(String text, int limit);

    /** The unit with this id as it stands today, if it exists. */
    Optional<NamedUnit> find(long unitId);

    /**
     * A unit as the account pages show it.
     *
     * @param code   the unit's current code (division or grid code), which tells units of the same name apart
     * @param within the name of the unit it lies in (e.g. the community of a grid), or null at the top
     */
    record NamedUnit(long id, String name, String code, String within) {
    }
}
