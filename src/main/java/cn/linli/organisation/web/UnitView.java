package cn.linli.organisation.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;

/** A handling unit as the JSON API and the pages show it, with the names of the territory units it refers to. */
record UnitView(long id, String kind, String name, String departmentKey, Place home, List<Place> coverage,
        Set<String> categories, Long supervisorId, String supervisorName, String phone, boolean active, LocalDate validFrom,
        LocalDate validTo) {

    /** A territory unit by id, code and name; code and name are null for a unit no longer in force. */
    record Place(long id, String code, String name) {
    }

    static UnitView of(HandlingUnit unit, DivisionTree tree, Organisation organisation) {
        String supervisor = unit.supervisorId() == null ? null
                : organisation.find(unit.supervisorId()).map(HandlingUnit::name).orElse(null);
        List<Place> coverage = unit.coverage().stream().map(id -> place(tree, id))
                .sorted(Comparator.comparing(p -> p.code() == null ? "" : p.code())).toList();
        return new UnitView(unit.id(), unit.kind().name(), unit.name(), unit.departmentKey(), place(tree, unit.homeUnitId()),
                coverage, unit.categories(), unit.supervisorId(), supervisor, unit.phone(), unit.active(), unit.validFrom(),
                unit.validTo());
    }

    private static Place place(DivisionTree tree, long id) {
        return tree.find(id).map((Division d) -> new Place(id, d.code().value(), d.name())).orElse(new Place(id, null, null));
    }
}
