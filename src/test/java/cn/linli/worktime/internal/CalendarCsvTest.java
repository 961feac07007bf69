package cn.linli.worktime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import cn.linli.worktime.CalendarDay;
import cn.linli.worktime.CalendarFileProblem;
import cn.linli.worktime.CalendarFileRejected;
import cn.linli.worktime.DayKind;

/** The calendar file is read whole: every bad line is reported with its line number, column and reason. */
class CalendarCsvTest {

    static CalendarFileRejected rejected(String text) {
        return catchThrowableOfType(CalendarFileRejected.class, () -> CalendarCsv.parse(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theBundledOfficialCalendarReadsCleanly() throws IOException {
        List<CalendarDay> days = CalendarCsv.parse(new ClassPathResource(CalendarSeed.BUNDLED).getContentAsByteArray());
        assertThat(days).hasSizeGreaterThan(130);
        assertThat(days).contains(new CalendarDay(LocalDate.of(2026, 10, 10), DayKind.MAKEUP_WORKDAY, "National Day", "国庆节"));
        assertThat(days).extracting(day -> day.date().getYear()).containsOnly(2023, 2024, 2025, 2026);
    }

    @Test
    void everyBadLineIsReportedWithLineFieldAndReason() {
        CalendarFileRejected rejected = rejected("""
                date,kind,name_en,name_zh
                2027-01-01,holiday,New Year's Day,元旦
                2027-02-30,holiday,Spring Festival,春节
                2027-02-06,vacation,Spring Festival,春节
                2027-01-01,holiday,New Year's Day,元旦
                2027-02-08,makeup_workday,Spring Festival,春节
                2027-02-07,holiday,Spring Festival
                2027-02-09,holiday,,春节
                """);
        assertThat(rejected.problems()).extracting(CalendarFileProblem::line, CalendarFileProblem::field, CalendarFileProblem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "date", "worktime.error.date"),
                        org.assertj.core.groups.Tuple.tuple(4, "kind", "worktime.error.kind"),
                        org.assertj.core.groups.Tuple.tuple(5, "date", "worktime.error.file-duplicate"),
                        org.assertj.core.groups.Tuple.tuple(6, "kind", "worktime.error.makeup-weekday"),
                        org.assertj.core.groups.Tuple.tuple(7, "line", "worktime.error.file-columns"),
                        org.assertj.core.groups.Tuple.tuple(8, "name_en", "worktime.error.name-missing"));
        assertThat(rejected.problems().get(2).arguments()).containsExactly("2027-01-01", 2);
    }

    @Test
    void aWrongHeaderIsRefusedBeforeAnyLineIsRead() {
        assertThat(rejected("day,type\n2027-01-01,holiday\n").problems())
                .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("header"));
    }

    @Test
    void aFileWithoutDaysOrNotInUtf8IsRefused() {
        assertThat(rejected("date,kind,name_en,name_zh\n\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.messageKey()).isEqualTo("worktime.error.file-empty"));
        byte[] gbk = "date,kind,name_en,name_zh\n2027-01-01,holiday,New Year,元旦\n".getBytes(Charset.forName("GBK"));
        CalendarFileRejected notUtf8 = catchThrowableOfType(CalendarFileRejected.class, () -> CalendarCsv.parse(gbk));
        assertThat(notUtf8.problems()).singleElement().satisfies(p -> assertThat(p.messageKey()).isEqualTo("worktime.error.file-encoding"));
    }

    @Test
    void quotedCellsMayHoldCommasAndAByteOrderMarkIsIgnored() {
        List<CalendarDay> days = CalendarCsv.parse("\uFEFFdate,kind,name_en,name_zh\r\n2027-10-01,HOLIDAY,\"National Day, PRC\",国庆节\r\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(days).containsExactly(new CalendarDay(LocalDate.of(2027, 10, 1), DayKind.HOLIDAY, "National Day, PRC", "国庆节"));
    }
}
