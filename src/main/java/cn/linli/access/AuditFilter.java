package cn.linli.access;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The where clause of an {@link AuditQuery}. Only fixed SQL fragments are joined; every value the user typed is a
 * bound parameter, so no filter can change the statement.
 */
final class AuditFilter {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    final String where;
    final Map<String, Object> parameters;

    private AuditFilter(String where, Map<String, Object> parameters) {
        this.where = where;
        this.parameters = parameters;
    }

    static AuditFilter of(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.actor() != null) {
            conditions.add("actor = :actor");
            parameters.put("actor", query.actor());
        }
        if (query.action() != null) {
            conditions.add("action = :action");
            parameters.put("action", query.action());
        }
        if (query.subjectText() != null) {
            conditions.add("lower(subject) like :subject escape '!'");
            parameters.put("subject", "%" + escapeLike(query.subjectText().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (query.from() != null) {
            conditions.add("occurred_at >= :from");
            parameters.put("from", startOf(query.from()));
        }
        if (query.to() != null) {
            conditions.add("occurred_at < :to");
            parameters.put("to", startOf(query.to().plusDays(1)));
        }
        return new AuditFilter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(CHINA).toOffsetDateTime();
    }

    /** A typed % or _ is searched for literally. */
    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
