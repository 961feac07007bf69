package cn.linli.registry;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A building with its households, for the view by unit and floor. */
public record BuildingView(long id, String address, BuildingType type, int units, int floors, long gridId, Double lng,
        Double lat, List<HouseholdSummary> households) {

    /** Unit → floor → households, in order. */
    public Map<Integer, Map<Integer, List<HouseholdSummary>>> byUnitAndFloor() {
        Map<Integer, Map<Integer, List<HouseholdSummary>>> result = new TreeMap<>();
        for (HouseholdSummary household : households) {
            result.computeIfAbsent(household.unitNo(), unit -> new TreeMap<>())
                    .computeIfAbsent(household.floorNo(), floor -> new java.util.ArrayList<>()).add(household);
        }
        return result;
    }
}
