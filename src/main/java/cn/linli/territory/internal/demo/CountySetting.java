package cn.linli.territory.internal.demo;

/**
 * How urban a county-level unit is. The city's districts (市辖区, county digits 01–20) are its urban core,
 * except the one that is mostly villages, which is the suburb (郊区) wrapped around that core. Everything else
 * is a rural county, whose land per village grows with its distance from the city (the sparsely settled
 * north-east has far more land per village than the plain around the city).
 */
record CountySetting(Kind kind, double remoteness) {

    enum Kind { CORE_DISTRICT, SUBURB_DISTRICT, RURAL_COUNTY }

    boolean isDistrict() {
        return kind != Kind.RURAL_COUNTY;
    }
}
