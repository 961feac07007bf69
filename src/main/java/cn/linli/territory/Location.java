package cn.linli.territory;

import java.time.LocalDate;
import java.util.List;

import cn.linli.shared.GeoPoint;

/**
 * Where a point lies: the grid and every unit above it on the date asked, from the city down; empty when the
 * point is outside the city (or no boundaries were recorded for that date).
 */
public record Location(GeoPoint point, LocalDate date, List<Division> units) {

    public boolean outside() {
        return units.isEmpty();
    }

    public java.util.Optional<Division> at(cn.linli.shared.DivisionLevel level) {
        return units.stream().filter(d -> d.level() == level).findFirst();
    }
}
