package cn.linli.casework;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import cn.linli.organisation.UnitKind;

/** Whom a ranking compares: handling units of one kind, or the grid workers. */
public enum IndicatorLevel {
    DEPARTMENTS(UnitKind.DEPARTMENT), DISTRICTS(UnitKind.DISTRICT_GOVERNMENT), STREETS(UnitKind.STREET_OFFICE),
    COMMUNITIES(UnitKind.COMMUNITY_OFFICE), GRID_WORKERS(null);

    private final UnitKind unitKind;

    IndicatorLevel(UnitKind unitKind) {
        this.unitKind = unitKind;
    }

    /** The kind of handling unit compared; null for grid workers. */
    public UnitKind unitKind() {
        return unitKind;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The level named in a request ({@code grid-workers} or {@code GRID_WORKERS}); empty when unknown. */
    public static Optional<IndicatorLevel> parse(String text) {
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(l -> l.key().equals(word)).findFirst();
    }
}
