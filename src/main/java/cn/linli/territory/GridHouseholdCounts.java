package cn.linli.territory;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Households counted per grid by a module that keeps them (the registry), for the grid standard. Territory defines
 * the interface and the other module implements it, so the count flows in without territory depending on that
 * module. A grid the provider has no households for is left out, and the survey figure stands for it.
 */
public interface GridHouseholdCounts {

    /** The counted households of one grid, empty when the provider knows none there. */
    OptionalInt households(long gridId);

    /** Every grid with counted households. */
    Map<Long, Integer> countsByGrid();
}
