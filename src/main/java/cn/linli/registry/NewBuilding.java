package cn.linli.registry;

import cn.linli.shared.GeoPoint;

/**
 * A building to add. Its grid comes from its point (located through territory) or, for a building not yet on the
 * map, is chosen directly; given both, they must agree.
 */
public record NewBuilding(String address, GeoPoint point, Long gridId, BuildingType type, int units, int floors) {

    public NewBuilding {
        address = Check.text(address, "address", 200);
        Check.required(type, "type");
        Check.range(units, "units", 1, 99);
        Check.range(floors, "floors", 1, 200);
        if (point == null && gridId == null) throw new RejectedRegistryInput("point", "registry.error.building-place");
    }
}
