package cn.linli.casework.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.linli.casework.CaseRuleException;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.Location;
import cn.linli.territory.Locator;
import cn.linli.territory.TerritoryQueries;

/** Where a request is: its grid, community, township and county, from a point or from a unit the operator chose. */
@Component
class Places {

    private final Locator locator;
    private final TerritoryQueries territory;

    Places(Locator locator, TerritoryQueries territory) {
        this.locator = locator;
        this.territory = territory;
    }

    CaseDetails.Place of(GeoPoint point, Long unitId) {
        if (point != null) {
            if (!Double.isFinite(point.lng()) || !Double.isFinite(point.lat()) || Math.abs(point.lng()) > 180 || Math.abs(point.lat()) > 90) {
                throw CaseRuleException.invalid("location", "case.error.coordinates");
            }
            Location location = locator.locate(point, null);
            if (location.outside()) throw CaseRuleException.invalid("location", "case.error.outside-city");
            return place(location.units());
        }
        if (unitId != null) {
            DivisionTree tree = territory.tree(null);
            Division unit = tree.find(unitId).orElseThrow(() -> CaseRuleException.invalid("location", "case.error.place-unknown", unitId));
            List<Division> lineage = new ArrayList<>(tree.ancestors(unitId));
            lineage.add(unit);
            return place(lineage);
        }
        throw CaseRuleException.invalid("location", "case.error.location-required");
    }

    private static CaseDetails.Place place(List<Division> units) {
        Long grid = null, community = null, township = null, county = null;
        for (Division d : units) {
            switch (d.level()) {
                case GRID -> grid = d.id();
                case COMMUNITY -> community = d.id();
                case TOWNSHIP -> township = d.id();
                case COUNTY -> county = d.id();
                default -> { }
            }
        }
        return new CaseDetails.Place(grid, community, township, county);
    }
}
