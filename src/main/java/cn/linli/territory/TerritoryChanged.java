package cn.linli.territory;

import java.time.LocalDate;

/** Published after a reorganisation, snapshot or boundary change has been committed. */
public record TerritoryChanged(long operationId, ReorganisationKind kind, LocalDate effectiveOn) {
}
