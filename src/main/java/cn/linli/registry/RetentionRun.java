package cn.linli.registry;

import java.time.LocalDate;

/**
 * What one run of the retention job did: residents anonymised (moved out of the city, deceased), households left
 * with only anonymised members whose phone was removed, and visits whose findings were erased (old ones, and those
 * made while an anonymised resident belonged to the household), with the cut-off dates it applied. {@code skipped}
 * when another instance was running it.
 */
public record RetentionRun(boolean skipped, int movedOutOfCity, int deceased, int households, int visits,
        LocalDate movedOutBefore, LocalDate deceasedBefore, LocalDate visitedBefore) implements java.io.Serializable {

    static RetentionRun skippedRun() {
        return new RetentionRun(true, 0, 0, 0, 0, null, null, null);
    }

    /** The run as a line of the audit log and of the job's last run. */
    public String describe() {
        return "movedOutOfCity=" + movedOutOfCity + "; deceased=" + deceased + "; households=" + households + "; visits=" + visits
                + "; movedOutOnOrBefore=" + movedOutBefore + "; deceasedOnOrBefore=" + deceasedBefore
                + "; visitedBefore=" + visitedBefore;
    }
}
