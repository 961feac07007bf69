package cn.linli.territory;

import org.springframework.stereotype.Component;

import cn.linli.cluster.ClusterSignals;
import cn.linli.territory.internal.BoundaryCatalog;
import cn.linli.territory.internal.TerritoryState;
import cn.linli.territory.internal.TerritoryTransactions;

/**
 * Keeps this instance's territory current when another instance on the same database changes it: the history, the
 * boundaries and the locate index are held in memory (decisions 0001 and 0003), so each instance reloads them when
 * it hears the territory signal.
 */
@Component
class ClusterRefresh {

    ClusterRefresh(ClusterSignals signals, TerritoryState state, BoundaryCatalog boundaries, Locator locator) {
        signals.subscribe(TerritoryTransactions.SIGNAL, () -> {
            state.reload();
            boundaries.reload();
            locator.rebuild();
        });
    }
}
