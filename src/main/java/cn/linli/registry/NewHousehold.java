package cn.linli.registry;

/** A household to add: its place in a building (unit, floor, room), its type and an optional contact phone. */
public record NewHousehold(long buildingId, int unitNo, int floorNo, String room, HouseholdType type, String phone) {

    public NewHousehold {
        Check.range(unitNo, "unitNo", 1, 99);
        Check.range(floorNo, "floorNo", 1, 200);
        room = Check.text(room, "room", 20);
        Check.required(type, "type");
        phone = Check.phone(phone, "phone");
    }
}
