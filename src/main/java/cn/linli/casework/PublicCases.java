package cn.linli.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.linli.casework.internal.PublicPhotos;
import cn.linli.casework.internal.ReporterPhones;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;

/**
 * The public view of cases, for outside systems (Open311) and residents: only cases of published, non-confidential
 * categories that are not confidential themselves nor void (a voided case may be a harassing one), and of each only
 * what may be public. Reporter name and phone never leave here; descriptions and notes are returned as stored, so
 * the public interface must still redact what a reporter wrote into them. Staff moderation applies here, so to every
 * public interface: a description staff redacted is shown instead of the reporter's, and hidden photos are never
 * listed or served. A status note is the last note of a line
 * whose note is written for the reporter (an answer, a refusal, a result, a verification); dispatch notes and return
 * reasons are internal.
 */
@Service
public class PublicCases {

    /** One case as the public may see it; {@code statusNote} may be null. */
    public record PublicCase(long id, String number, CaseState state, String categoryCode, String description,
            String address, Double lng, Double lat, String agency, Instant receivedAt, Instant updatedAt,
            Instant deadline, String statusNote) {
    }

    /** One line of a case's public timeline; {@code note} only where it was written for the reporter. */
    public record Line(long id, long caseId, String caseNumber, CaseAction action, CaseState toState, Instant at,
            String note) {
    }

    /**
     * What to list: case numbers (then nothing else filters), categories, received between {@code from} (inclusive)
     * and {@code to} (exclusive), open or closed (null: both), changed after {@code updatedAfter}; newest first.
     */
    public record Filter(List<String> numbers, List<String> categoryCodes, Instant from, Instant to, Boolean open,
            Instant updatedAfter, int offset, int limit) {
    }

    /** Actions shown on a public timeline: internal ones (returns, supervision, reminders, escalations) are not. */
    public static final Set<CaseAction> PUBLIC_ACTIONS = EnumSet.of(CaseAction.RECEIVE, CaseAction.REGISTER,
            CaseAction.DISPATCH, CaseAction.ACCEPT, CaseAction.REPORT_RESULT, CaseAction.VERIFY_PASS, CaseAction.VERIFY_FAIL,
            CaseAction.REOPEN, CaseAction.APPROVE_EXTENSION, CaseAction.SUSPEND, CaseAction.RESUME, CaseAction.ANSWER,
            CaseAction.REFUSE, CaseAction.MERGE, CaseAction.RETURN_VISIT);
    /** Actions whose note is written for the reporter. */
    private static final Set<CaseAction> NOTE_FOR_REPORTER = EnumSet.of(CaseAction.ANSWER, CaseAction.REFUSE,
            CaseAction.REPORT_RESULT, CaseAction.VERIFY_PASS);
    /** A description redacted by staff (moderation) replaces the reporter's own in every public answer. */
    private static final String COLUMNS = "c.id, c.number, c.state, c.category_code,"
            + " coalesce(pr.description, c.description) as description, c.address, c.lng, c.lat,"
            + " c.main_unit, c.received_at, c.deadline, c.updated_at";
    private static final String CASES = " from casework_case c left join casework_public_redaction pr on pr.case_id = c.id";
    private static final String VISIBLE = " c.confidential = false and c.state <> 'VOIDED' and c.category_code in (:codes)";

    private final JdbcClient jdbc;
    private final Categories categories;
    private final Organisation organisation;
    private final PublicPhotos photos;
    private final ReporterPhones reporters;

    PublicCases(JdbcClient jdbc, Categories categories, Organisation organisation, PublicPhotos photos,
            ReporterPhones reporters) {
        this.reporters = reporters;
        this.jdbc = jdbc;
        this.categories = categories;
        this.organisation = organisation;
        this.photos = photos;
    }

    /**
     * The case as its own reporter may see it, once they have proved who they are (e.g. the number and the end of
     * their phone number): whatever its category, since a resident may follow their own welfare request, but still
     * only its public fields, its moderated description and, through {@link #timeline}, its public lines.
     */
    public Optional<PublicCase> forReporter(long caseId) {
        return complete(jdbc.sql("select " + COLUMNS + CASES + " where c.id = :id").param("id", caseId)
                .query(PublicCases::row).list()).stream().findFirst();
    }

    /**
     * The case of that number, for its reporter: found only when their phone ends with {@code lastDigits} (an
     * unknown number and wrong digits look the same, so numbers cannot be probed). The caller limits attempts.
     */
    public Optional<PublicCase> ofReporter(String number, String lastDigits) {
        return reporters.caseOfReporter(number, lastDigits).flatMap(this::forReporter);
    }

    /** The photos of the case's report and result that staff have not hidden, in upload order. */
    public List<CaseAttachment> photos(long caseId) {
        return photos.of(caseId);
    }

    /** One of {@link #photos}; empty when it is hidden, not a photo of the case, or not a public one. */
    public Optional<AttachmentContent> photo(long caseId, long attachmentId) {
        return photos.content(caseId, attachmentId);
    }

    @Transactional(readOnly = true)
    public Optional<PublicCase> byNumber(String number) {
        List<String> codes = publicCodes();
        if (codes.isEmpty() || number == null) return Optional.empty();
        List<Row> rows = jdbc.sql("select " + COLUMNS + CASES + " where c.number = :number and" + VISIBLE)
                .param("number", number).param("codes", codes).query(PublicCases::row).list();
        return complete(rows).stream().findFirst();
    }

    /** The visible ones of the given cases. */
    @Transactional(readOnly = true)
    public List<PublicCase> byIds(List<Long> ids) {
        List<String> codes = publicCodes();
        if (codes.isEmpty() || ids.isEmpty()) return List.of();
        return complete(jdbc.sql("select " + COLUMNS + CASES + " where c.id in (:ids) and" + VISIBLE)
                .param("ids", ids).param("codes", codes).query(PublicCases::row).list());
    }

    @Transactional(readOnly = true)
    public List<PublicCase> list(Filter filter) {
        List<String> codes = publicCodes();
        if (filter.categoryCodes() != null && !filter.categoryCodes().isEmpty()) {
            codes = codes.stream().filter(filter.categoryCodes()::contains).toList();
        }
        if (codes.isEmpty()) return List.of();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + CASES + " where" + VISIBLE);
        Map<String, Object> params = new HashMap<>();
        params.put("codes", codes);
        if (filter.numbers() != null && !filter.numbers().isEmpty()) {
            sql.append(" and c.number in (:numbers)");
            params.put("numbers", filter.numbers());
        } else {
            where(sql, params, filter);
        }
        sql.append(" order by c.received_at desc, c.id desc limit :limit offset :offset");
        params.put("limit", filter.limit());
        params.put("offset", filter.offset());
        return complete(jdbc.sql(sql.toString()).params(params).query(PublicCases::row).list());
    }

    /** The public timeline of the given cases, oldest first. */
    @Transactional(readOnly = true)
    public List<Line> timeline(List<Long> caseIds) {
        if (caseIds.isEmpty()) return List.of();
        return jdbc.sql("select h.id, h.case_id, c.number, h.action, h.to_state, h.at, h.note from casework_case_history h"
                        + " join casework_case c on c.id = h.case_id where h.case_id in (:ids) and h.action in (:actions)"
                        + " order by h.case_id, h.id")
                .param("ids", caseIds).param("actions", actionNames()).query(PublicCases::line).list();
    }

    /** Public timeline lines of visible cases written in [from, to), oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Line> linesBetween(Instant from, Instant to, int limit) {
        List<String> codes = publicCodes();
        if (codes.isEmpty()) return List.of();
        return jdbc.sql("select h.id, h.case_id, c.number, h.action, h.to_state, h.at, h.note from casework_case_history h"
                        + " join casework_case c on c.id = h.case_id where h.at >= :from and h.at < :to and h.action in (:actions)"
                        + " and" + VISIBLE + " order by h.at, h.id limit :limit")
                .param("from", utc(from)).param("to", utc(to)).param("actions", actionNames()).param("codes", codes)
                .param("limit", limit).query(PublicCases::line).list();
    }

    private static void where(StringBuilder sql, Map<String, Object> params, Filter filter) {
        if (filter.from() != null) {
            sql.append(" and c.received_at >= :from");
            params.put("from", utc(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and c.received_at < :to");
            params.put("to", utc(filter.to()));
        }
        if (filter.open() != null) {
            sql.append(" and c.state in (:states)");
            params.put("states", EnumSet.allOf(CaseState.class).stream().filter(s -> s.isOpen() == filter.open())
                    .map(Enum::name).toList());
        }
        if (filter.updatedAfter() != null) {
            sql.append(" and c.updated_at > :updated");
            params.put("updated", utc(filter.updatedAfter()));
        }
    }

    /** Adds to each row its status note and the name of its main unit. */
    private List<PublicCase> complete(List<Row> rows) {
        if (rows.isEmpty()) return List.of();
        Map<Long, String> notes = new HashMap<>();
        List<Long> ids = rows.stream().map(Row::id).toList();
        jdbc.sql("select case_id, note from casework_case_history where case_id in (:ids) and action in (:actions)"
                        + " and note is not null order by case_id, id")
                .param("ids", ids).param("actions", NOTE_FOR_REPORTER.stream().map(Enum::name).toList())
                .query(rs -> {
                    notes.put(rs.getLong("case_id"), rs.getString("note"));
                });
        Map<Long, String> agencies = new HashMap<>();
        List<PublicCase> cases = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String agency = r.mainUnit() == null ? null : agencies.computeIfAbsent(r.mainUnit(),
                    unit -> organisation.find(unit).map(HandlingUnit::name).orElse(null));
            cases.add(new PublicCase(r.id(), r.number(), r.state(), r.categoryCode(), r.description(), r.address(), r.lng(),
                    r.lat(), agency, r.receivedAt(), r.updatedAt(), r.deadline(), notes.get(r.id())));
        }
        return cases;
    }

    private List<String> publicCodes() {
        return categories.publicCategories().stream().map(c -> c.code().value()).toList();
    }

    private static List<String> actionNames() {
        return PUBLIC_ACTIONS.stream().map(Enum::name).collect(Collectors.toList());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Row(long id, String number, CaseState state, String categoryCode, String description, String address,
            Double lng, Double lat, Long mainUnit, Instant receivedAt, Instant deadline, Instant updatedAt) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime deadline = rs.getObject("deadline", OffsetDateTime.class);
        return new Row(rs.getLong("id"), rs.getString("number"), CaseState.valueOf(rs.getString("state")),
                rs.getString("category_code"), rs.getString("description"), rs.getString("address"),
                rs.getObject("lng", Double.class), rs.getObject("lat", Double.class), rs.getObject("main_unit", Long.class),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(), deadline == null ? null : deadline.toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static Line line(ResultSet rs, int n) throws SQLException {
        CaseAction action = CaseAction.valueOf(rs.getString("action"));
        return new Line(rs.getLong("id"), rs.getLong("case_id"), rs.getString("number"), action,
                CaseState.valueOf(rs.getString("to_state")), rs.getObject("at", OffsetDateTime.class).toInstant(),
                NOTE_FOR_REPORTER.contains(action) ? rs.getString("note") : null);
    }
}
