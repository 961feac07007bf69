package cn.linli.casework.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.linli.casework.CaseRuleException;
import cn.linli.casework.ResponsibilityRules;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.Location;
import cn.linli.territory.Locator;

/**
 * The "who handles this?" question as the page and the API ask it: a category and either a map point (located to its
 * grid) or a chosen place. A point wins, as at the desk: the user placed it on purpose.
 */
@Component
class ResponsibilityTester {

    private final ResponsibilityRules rules;
    private final Locator locator;

    ResponsibilityTester(ResponsibilityRules rules, Locator locator) {
        this.rules = rules;
        this.locator = locator;
    }

    record Result(ResponsibilityRules.Answer answer, long placeUnitId) {
    }

    Result ask(String categoryCode, String placeUnitId, String lng, String lat) {
        if (!rules.mayKeep()) throw new AccessDeniedException("the responsibility matrix needs a city administrator or district staff");
        GeoPoint point = DeskForm.point(lng, lat);
        Long place;
        if (point != null) {
            Location location = locator.locate(point, null);
            if (location.outside()) throw CaseRuleException.invalid("location", "case.error.outside-city");
            place = mostLocal(location);
        } else {
            place = DeskForm.id(placeUnitId, "placeUnitId");
            if (place == null) throw CaseRuleException.invalid("placeUnitId", "case.error.location-required");
        }
        return new Result(rules.explain(categoryCode, place), place);
    }

    private static long mostLocal(Location location) {
        return location.units().get(location.units().size() - 1).id();
    }
}
