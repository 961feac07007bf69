package cn.linli.casework;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.linli.casework.internal.CaseScopes;
import cn.linli.casework.internal.Duplicates;
import cn.linli.shared.GeoPoint;

/**
 * Likely duplicates of a request (issue 4: "at intake, open cases of the same category within a configurable distance
 * and period are shown; the operator can merge"): open cases of the category within
 * {@code linli.casework.duplicates.distance} metres (default 100) received within {@code linli.casework.duplicates.period}
 * (default 7 days), nearest first. Only cases in the user's jurisdiction are listed: a window must not learn about
 * complaints elsewhere in the city.
 */
@Service
public class CaseDuplicates {

    private final Duplicates duplicates;
    private final CaseScopes scopes;

    CaseDuplicates(Duplicates duplicates, CaseScopes scopes) {
        this.duplicates = duplicates;
        this.scopes = scopes;
    }

    /** Empty when the category or the point is not known yet. */
    public List<DuplicateCase> near(String categoryCode, GeoPoint point) {
        if (categoryCode == null || categoryCode.isBlank() || point == null) return List.of();
        return duplicates.near(categoryCode.strip(), point, scopes.current());
    }
}
