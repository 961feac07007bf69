package cn.linli.registry.internal;

import java.util.Map;
import java.util.OptionalInt;

import org.springframework.stereotype.Component;

import cn.linli.territory.GridHouseholdCounts;

/**
 * The registry's household count per grid, for territory's grid standard. Territory asks through its own interface,
 * so the count flows from registry to territory while the dependency stays registry → territory. Every household
 * counts, vacant ones too: the band is about the dwellings a grid worker covers. Unscoped: a count discloses nobody.
 */
@Component
class RegistryHouseholdCounts implements GridHouseholdCounts {

    private final HouseholdStore households;

    RegistryHouseholdCounts(HouseholdStore households) {
        this.households = households;
    }

    @Override
    public OptionalInt households(long gridId) {
        int count = households.countInGrid(gridId);
        return count == 0 ? OptionalInt.empty() : OptionalInt.of(count);
    }

    @Override
    public Map<Long, Integer> countsByGrid() {
        return households.countsByGrid();
    }
}
