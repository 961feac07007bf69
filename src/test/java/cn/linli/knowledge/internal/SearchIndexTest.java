package cn.linli.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.linli.knowledge.KnowledgeEntry;
import cn.linli.knowledge.KnowledgeHit;

class SearchIndexTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final List<List<String>> SYNONYMS = List.of(List.of("暖气", "供暖", "采暖"), List.of("漏水", "渗水"));

    private final SearchIndex index = new SearchIndex();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void findsChineseWordsInsideSentences() {
        index.replaceAll(List.of(
                entry(1, "家里暖气不热，室内温度达不到标准怎么办？", "先确认阀门已打开。", "FW0701"),
                entry(2, "停水了，什么时候恢复供水？", "计划停水会提前公告。", "FW0801")), List.of());

        List<KnowledgeHit> hits = index.search("我家暖气一点都不热", List.of(), TODAY, 10);

        assertThat(hits).extracting(hit -> hit.entry().id()).containsExactly(1L);
        assertThat(hits.get(0).questionHtml()).contains("<mark>暖气</mark>");
    }

    @Test
    void synonymsWidenTheQueryOnly() {
        List<KnowledgeEntry> entries = List.of(entry(1, "家里暖气不热怎么办？", "请登记工单。", "FW0701"));
        index.replaceAll(entries, List.of());
        assertThat(index.search("采暖", List.of(), TODAY, 10)).isEmpty();

        index.useSynonyms(SYNONYMS);

        assertThat(index.search("采暖", List.of(), TODAY, 10)).extracting(hit -> hit.entry().id()).containsExactly(1L);
    }

    @Test
    void theAskedCategoryComesFirst() {
        index.replaceAll(List.of(
                entry(1, "暖气片漏水了怎么办？", "关闭阀门。", "FW0702"),
                entry(2, "楼上漏水把我家泡了怎么办？", "联系楼上住户。", "FW0502")), SYNONYMS);

        assertThat(index.search("漏水", List.of("FW0502"), TODAY, 10)).extracting(hit -> hit.entry().id())
                .containsExactly(2L, 1L);
        assertThat(index.search("漏水", List.of("FW0702"), TODAY, 10)).extracting(hit -> hit.entry().id())
                .containsExactly(1L, 2L);
        // blank text: the entries of the category, by minor class and then its major class
        assertThat(index.search(" ", List.of("FW0501"), TODAY, 10)).extracting(hit -> hit.entry().id())
                .containsExactly(2L);
        assertThat(index.search("", List.of(), TODAY, 10)).isEmpty();
    }

    @Test
    void answersAreOnlyThoseValidOnTheDay() {
        KnowledgeEntry expired = new KnowledgeEntry(1, 1, "供暖费缴费期是什么时候？", "缴费期已结束。", List.of("FW0704"), null,
                LocalDate.of(2025, 8, 1), LocalDate.of(2026, 3, 31), "供热公司", false, null, "admin", Instant.now());
        KnowledgeEntry future = new KnowledgeEntry(2, 1, "新的供暖费标准", "明年起执行。", List.of("FW0704"), null,
                LocalDate.of(2027, 1, 1), null, "供热公司", false, null, "admin", Instant.now());
        KnowledgeEntry current = entry(3, "供暖费怎么交？", "到营业厅缴纳。", "FW0704");
        index.replaceAll(List.of(expired, future, current), List.of());

        assertThat(index.search("供暖费", List.of(), TODAY, 10)).extracting(hit -> hit.entry().id()).containsExactly(3L);
        assertThat(index.search("供暖费", List.of(), null, 10)).extracting(hit -> hit.entry().id())
                .containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void aRetiredEntryLeavesTheIndex() {
        KnowledgeEntry entry = entry(1, "停电了怎么报修？", "检查空气开关。", "FW0901");
        index.replaceAll(List.of(entry), List.of());
        assertThat(index.search("停电", List.of(), TODAY, 10)).hasSize(1);

        index.put(new KnowledgeEntry(1, 2, entry.question(), entry.answer(), entry.categoryCodes(), null,
                entry.validFrom(), null, entry.ownerDepartment(), true, "作废", "admin", Instant.now()));

        assertThat(index.search("停电", List.of(), TODAY, 10)).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void markedTextIsEscaped() {
        index.replaceAll(List.of(entry(1, "<script>alert(1)</script> 停水怎么办", "停水 & 断水 <b>都</b>登记", "FW0801")),
                List.of());

        KnowledgeHit hit = index.search("停水", List.of(), TODAY, 10).get(0);

        assertThat(hit.questionHtml()).doesNotContain("<script>").contains("&lt;script&gt;").contains("<mark>停水</mark>");
        assertThat(hit.snippetHtml()).doesNotContain("<b>").contains("&amp;").contains("<mark>停水</mark>");
    }

    private static KnowledgeEntry entry(long id, String question, String answer, String category) {
        return new KnowledgeEntry(id, 1, question, answer, List.of(category), null, LocalDate.of(2024, 1, 1), null,
                "社区", false, null, "admin", Instant.now());
    }
}
