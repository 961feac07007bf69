package cn.linli.territory.web;

import java.time.LocalDate;

import cn.linli.territory.Division;

/** A unit as the JSON API shows it. */
record DivisionView(long id, String level, String type, String code, String name, String urbanRural, Long parentId,
        LocalDate validFrom) {

    static DivisionView of(Division d) {
        return new DivisionView(d.id(), d.level().name(), d.type().name(), d.code().value(), d.name(), d.urbanRural(),
                d.parentId(), d.validFrom());
    }
}
