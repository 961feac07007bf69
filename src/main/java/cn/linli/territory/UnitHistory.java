package cn.linli.territory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A unit's whole life: every period of its attributes and every operation that touched it. */
public record UnitHistory(long unitId, List<Period> periods, List<Event> events) {

    public record Period(LocalDate validFrom, LocalDate validTo, String code, String name, UnitType type, String urbanRural,
            Long parentId, String parentName) {
    }

    /** An operation on the unit; {@code role} says how it took part (SUBJECT, CREATED, SOURCE, TARGET). */
    public record Event(long operationId, ReorganisationKind kind, LocalDate effectiveOn, String role, String note,
            Instant recordedAt, String recordedBy) {
    }
}
