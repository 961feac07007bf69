package cn.linli.shared;

/** The levels of the territorial hierarchy, from the city down to the grid. */
public enum DivisionLevel {
    CITY, COUNTY, TOWNSHIP, COMMUNITY, GRID;

    /** The level directly above this one, or {@code null} for the city. */
    public DivisionLevel parent() {
        return this == CITY ? null : values()[ordinal() - 1];
    }

    public DivisionLevel child() {
        return this == GRID ? null : values()[ordinal() + 1];
    }
}
