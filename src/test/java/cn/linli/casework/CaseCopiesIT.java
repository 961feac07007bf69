package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.access.internal.UserAccounts;
import cn.linli.bench.CaseCopies;
import cn.linli.casework.indicators.IndicatorRollup;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;

/**
 * The million-case benchmark's bulk path writes what the domain writes: cases taken in and moved through
 * {@link CaseWork} are copied, and every copy's case row, history and units equal its template's but for its id,
 * number, idempotency key and times moved by its shift; the indicator rollup folds a copy as it folded the template.
 */
@IntegrationTest
class CaseCopiesIT {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Autowired CaseWork work;
    @Autowired IndicatorRollup rollup;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate jdbcTemplate;

    @Test
    void aCopyIsItsTemplateWithNewIdNumberAndTimesAndCountsTheSame() {
        settled();
        Map<String, Long> before = rollup();
        List<Long> templates = List.of(closedLife(), dispatched(), registered());
        settled();
        Map<String, Long> withTemplates = rollup();

        long first = new CaseCopies(jdbcTemplate).copy(templates, new int[] {0});
        settled();

        for (int i = 0; i < templates.size(); i++) {
            long template = templates.get(i);
            long copy = first + i;
            assertThat(caseRow(copy)).isEqualTo(caseRow(template));
            assertThat(number(copy)).startsWith(number(template).substring(0, 9)).matches("\\d{8}-9\\d{4}");
            assertThat(history(copy)).isEqualTo(history(template)).isNotEmpty();
            assertThat(units(copy)).isEqualTo(units(template));
            assertThat(track(copy)).isEqualTo(track(template));
        }
        // Each copy adds to the rollup exactly what its template added.
        assertThat(rollup()).isEqualTo(plus(withTemplates, minus(withTemplates, before)));
    }

    @Test
    void aShiftedCopyMovesEveryTimeByItsDays() {
        long template = closedLife();
        long copy = new CaseCopies(jdbcTemplate).copy(List.of(template), new int[] {-30});
        Instant received = jdbc.sql("select received_at from casework_case where id = :id").param("id", template)
                .query(OffsetDateTime.class).single().toInstant();
        Instant copied = jdbc.sql("select received_at from casework_case where id = :id").param("id", copy)
                .query(OffsetDateTime.class).single().toInstant();
        assertThat(Duration.between(copied, received)).isEqualTo(Duration.ofDays(30));
        assertThat(number(copy)).startsWith(LocalDate.ofInstant(copied, CITY).toString().replace("-", ""));
        assertThat(history(copy)).hasSameSizeAs(history(template));
    }

    // --- lives through the domain ---------------------------------------------------------------------------------

    long closedLife() {
        long id = registered();
        ActingAs.user(accounts, "yongan");
        work.dispatch(id, null, unitOf("chengguan"), Set.of(), null);
        ActingAs.user(accounts, "chengguan");
        work.accept(id, null);
        work.reportResult(id, null, "已清运");
        ActingAs.user(accounts, "wanggeyuan");
        work.verify(id, null, true, "现场核实");
        ActingAs.user(accounts, "yongan-sq");
        work.returnVisit(id, null, Satisfaction.SATISFIED, false, null);
        return id;
    }

    long dispatched() {
        long id = registered();
        ActingAs.user(accounts, "yongan");
        work.dispatch(id, null, unitOf("chengguan"), Set.of(), "请尽快处理");
        return id;
    }

    long registered() {
        ActingAs.user(accounts, "yongan-sq");
        String category = categories.search("暴露垃圾", 1).get(0).category().code().value();
        long grid = territory.tree(null).findByCode("230804007001001").orElseThrow().id();
        return work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "永安社区3号楼东侧垃圾堆放三天无人清运。",
                null, grid, "前进区永安社区3号楼", "王女士", "13845467788", false, false, true, category, false, null)).caseId();
    }

    long unitOf(String username) {
        return organisation.unitsOf(accounts.findByUsername(username).orElseThrow().id()).get(0).id();
    }

    // --- what was written -----------------------------------------------------------------------------------------

    void settled() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rollup.drain() >= 0 && rollup.queued() == 0);
    }

    Map<String, Object> caseRow(long id) {
        Map<String, Object> row = new LinkedHashMap<>(jdbc.sql("select * from casework_case where id = :id").param("id", id).query().singleRow());
        row.keySet().removeAll(List.of("id", "number", "idempotency_key"));
        return row;
    }

    String number(long id) {
        return jdbc.sql("select number from casework_case where id = :id").param("id", id).query(String.class).single();
    }

    List<Map<String, Object>> history(long id) {
        return jdbc.sql("select action, from_state, to_state, unit_id, actor, at, note, old_deadline, new_deadline from casework_case_history where case_id = :id order by id")
                .param("id", id).query().listOfRows();
    }

    List<Map<String, Object>> units(long id) {
        return jdbc.sql("select unit_id, role, ended_at from casework_case_unit where case_id = :id order by unit_id").param("id", id).query().listOfRows();
    }

    Map<String, Object> track(long id) {
        Map<String, Object> row = new LinkedHashMap<>(jdbc.sql("select * from casework_indicator_case where case_id = :id").param("id", id)
                .query().singleRow());
        row.keySet().removeAll(List.of("case_id", "last_history_id"));
        return row;
    }

    /** Every counter of the rollup as "subject:id:day:column" → value. */
    Map<String, Long> rollup() {
        Map<String, Long> counters = new HashMap<>();
        for (Map<String, Object> row : jdbc.sql("select * from casework_indicator_day").query().listOfRows()) {
            String key = row.get("subject") + ":" + row.get("subject_id") + ":" + row.get("on_day");
            row.forEach((column, value) -> {
                if (value instanceof Number n && !column.equals("subject_id")) counters.merge(key + ":" + column, n.longValue(), Long::sum);
            });
        }
        counters.values().removeIf(v -> v == 0);
        return counters;
    }

    static Map<String, Long> minus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> result = new HashMap<>(a);
        b.forEach((k, v) -> result.merge(k, -v, Long::sum));
        result.values().removeIf(v -> v == 0);
        return result;
    }

    static Map<String, Long> plus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> result = new HashMap<>(a);
        b.forEach((k, v) -> result.merge(k, v, Long::sum));
        result.values().removeIf(v -> v == 0);
        return result;
    }
}
