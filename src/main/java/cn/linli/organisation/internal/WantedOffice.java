package cn.linli.organisation.internal;

import java.time.LocalDate;

import cn.linli.organisation.UnitKind;

/**
 * An office or district government the territory in force calls for: the territory unit it stands for, its name,
 * and its supervisor named by the supervisor's own kind and territory unit (ids are only known once stored).
 */
public record WantedOffice(UnitKind kind, long territoryUnitId, String name, UnitKind supervisorKind,
        Long supervisorTerritoryUnitId, LocalDate validFrom) {
}
