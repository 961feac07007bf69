package cn.linli.open311.web;

import org.springframework.stereotype.Component;

import cn.linli.open311.Open311Rejected;
import cn.linli.territory.TerritoryQueries;

/** A deployment serves one city: its 12-digit code, or its first six digits, is the only jurisdiction_id known. */
@Component
class JurisdictionCheck {

    private final TerritoryQueries territory;

    JurisdictionCheck(TerritoryQueries territory) {
        this.territory = territory;
    }

    void require(String jurisdiction) {
        if (jurisdiction == null || jurisdiction.isBlank()) {
            return;
        }
        String city = territory.tree(null).roots().stream().findFirst().map(d -> d.code().value()).orElse("");
        String given = jurisdiction.strip();
        if (!given.equals(city) && !(city.length() == 12 && given.equals(city.substring(0, 6)))) {
            throw new Open311Rejected(404, "jurisdiction_id " + given + " is not served here");
        }
    }
}
