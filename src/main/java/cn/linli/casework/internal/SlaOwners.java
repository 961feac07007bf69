package cn.linli.casework.internal;

import org.springframework.stereotype.Component;

import cn.linli.casework.CaseStage;
import cn.linli.casework.CaseState;
import cn.linli.casework.SlaLight;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;

/**
 * Who owes the work of a stage, and who stands above them. Accepting and handling are owed by the main unit the case
 * was dispatched to; dispatching (also after a return) and verifying by the back office of the place (the street or
 * community office, else the district government). A breach is reported to the owner's supervisor; where the
 * organisation names none (a city bureau), to the government of the district where the matter is (属地兜底), which
 * answers for everything that happens on its ground.
 */
@Component
class SlaOwners {

    private final Organisation organisation;

    SlaOwners(Organisation organisation) {
        this.organisation = organisation;
    }

    /** The unit that owes the stage's work, or null when the place knows no office (the case is outside the city). */
    Long owner(CaseState state, Long mainUnit, Long placeUnitId) {
        CaseStage stage = SlaLight.stageOf(state);
        if ((stage == CaseStage.ACCEPT || stage == CaseStage.HANDLE) && mainUnit != null) return mainUnit;
        if (placeUnitId == null) return null;
        return organisation.officeOf(placeUnitId).or(() -> organisation.districtGovernmentFor(placeUnitId))
                .map(HandlingUnit::id).orElse(null);
    }

    /** The unit a breach by the owner is reported to, or null when there is none above the owner. */
    Long supervisor(Long owner, Long placeUnitId) {
        Long above = owner == null ? null : organisation.supervisorOf(owner).map(HandlingUnit::id).orElse(null);
        if (above == null && placeUnitId != null) {
            above = organisation.districtGovernmentFor(placeUnitId).map(HandlingUnit::id).orElse(null);
        }
        return above == null || above.equals(owner) ? null : above;
    }

    String name(Long unitId) {
        return unitId == null ? null : organisation.find(unitId).map(HandlingUnit::name).orElse(String.valueOf(unitId));
    }
}
