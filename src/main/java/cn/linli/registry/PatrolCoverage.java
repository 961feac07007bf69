package cn.linli.registry;

import java.time.LocalDate;

/** Patrol coverage of a grid over a period (巡查走访覆盖率): distinct households visited / households in the grid. */
public record PatrolCoverage(long gridId, LocalDate from, LocalDate to, int visited, int households) {

    /** Between 0 and 1; 0 for a grid without households. */
    public double rate() {
        return households == 0 ? 0 : Math.min(1.0, (double) visited / households);
    }
}
