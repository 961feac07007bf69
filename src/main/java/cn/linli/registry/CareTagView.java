package cn.linli.registry;

import java.time.LocalDate;

/** A care tag on a resident, with the names of its type from the configurable list. */
public record CareTagView(long id, String type, String nameZh, String nameEn, boolean sensitive, Integer grade,
        LocalDate validFrom, LocalDate validTo) {
}
