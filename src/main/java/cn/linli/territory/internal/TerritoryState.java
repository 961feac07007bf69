package cn.linli.territory.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import cn.linli.territory.DivisionTree;

/**
 * The committed territory history held in memory, replaced as a whole after each committed change (readers never
 * see a half-applied reorganisation) and reloaded from the database after a rollback.
 */
@Component
public class TerritoryState {

    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final DivisionStore store;
    private volatile TerritoryHistory history;
    private volatile DivisionTree today;

    TerritoryState(DivisionStore store) {
        this.store = store;
    }

    public TerritoryHistory history() {
        TerritoryHistory current = history;
        if (current == null) {
            current = reload();
        }
        return current;
    }

    public DivisionTree asOf(LocalDate date) {
        LocalDate now = LocalDate.now(CITY_ZONE);
        if (date == null || date.equals(now)) {
            DivisionTree tree = today;
            if (tree == null || !tree.date().equals(now)) {
                tree = history().asOf(now);
                today = tree;
            }
            return tree;
        }
        return history().asOf(date);
    }

    public synchronized TerritoryHistory reload() {
        replace(TerritoryHistory.of(store.loadAll()));
        return history;
    }

    synchronized void replace(TerritoryHistory newHistory) {
        this.history = newHistory;
        this.today = null;
    }
}
