package cn.linli.registry;

/** The kind of a building (楼栋类型). */
public enum BuildingType {

    /** 住宅. */
    RESIDENTIAL,
    /** 商住. */
    MIXED,
    /** 平房区: a block of single-storey houses counted as one building. */
    BUNGALOW_AREA,
    /** 农村宅基地. */
    VILLAGE_HOMESTEAD,
    /** 其他. */
    OTHER;

    /** The message-bundle key of the name in the user's language. */
    public String labelKey() {
        return "registry.building-type." + name();
    }
}
