package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups a county's townships into blocks. The seat block is the township nearest to the county's centre point
 * (street offices first, since that is where county seats sit) together with the county's other street
 * offices, which are small and urban too; an urban district is one block altogether. It is anchored at the
 * county's centre point, which thereby lies in the county. Among large towns a dozen tiny cells would scatter
 * instead of clustering around the county town, so they are first laid out as one block and then split.
 */
final class TownshipBlocks {

    static final double SMALL_TOWNSHIP = 50;
    private static final double SEAT_RADIUS = 5;

    /** A block: its townships (indexes into the county's list) and the point anchoring it, if any. */
    record Block(List<Integer> members, PlanePoint anchor) {
    }

    private TownshipBlocks() {
    }

    /** @param compact whether the whole county is one block, as an urban district is */
    static List<Block> of(List<TownshipLayout.Township> townships, PlanePoint countyPoint, boolean compact) {
        int seat = seatOf(townships, countyPoint);
        List<Block> blocks = new ArrayList<>();
        List<Integer> seatMembers = new ArrayList<>();
        for (int t = 0; t < townships.size(); t++) {
            TownshipLayout.Township township = townships.get(t);
            if (seat >= 0 && (t == seat || compact || township.central() && township.targetArea() < SMALL_TOWNSHIP)) {
                seatMembers.add(t);
            } else {
                blocks.add(new Block(List.of(t), null));
            }
        }
        if (!seatMembers.isEmpty()) {
            blocks.add(0, new Block(seatMembers, countyPoint));
        }
        return blocks;
    }

    static int seatOf(List<TownshipLayout.Township> townships, PlanePoint centre) {
        if (centre == null) {
            return -1;
        }
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int t = 0; t < townships.size(); t++) {
            TownshipLayout.Township township = townships.get(t);
            PlanePoint reference = township.point() != null ? township.point() : township.hint();
            double distance = reference == null ? Double.POSITIVE_INFINITY : reference.distanceTo(centre);
            double score = distance * (township.central() ? 0.5 : 1);
            if (distance < SEAT_RADIUS && score < bestScore) {
                bestScore = score;
                best = t;
            }
        }
        if (best >= 0) {
            return best;
        }
        for (int t = 0; t < townships.size(); t++) {
            if (townships.get(t).point() == null && townships.get(t).central()) {
                return t;
            }
        }
        for (int t = 0; t < townships.size(); t++) {
            if (townships.get(t).point() == null) {
                return t;
            }
        }
        return 0;
    }
}
