package cn.linli.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * Editing the official calendar through the API and the page: each test works in a year of its own (2031 on), so
 * the tests do not see each other's days.
 */
@IntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class WorkCalendarIT {

    @Autowired org.springframework.test.context.event.ApplicationEvents events;
    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired WorkingTime workingTime;
    @Autowired JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return SignedIn.as(accounts, username);
    }

    List<String> storedDays() {
        return jdbc.sql("select calendar_date || ' ' || kind || ' ' || name_zh from worktime_calendar_day order by calendar_date")
                .query(String.class).list();
    }

    static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "calendar.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theOfficialCalendarIsLoadedOnFirstStart() {
        assertThat(storedDays()).contains("2026-10-10 makeup_workday 国庆节");
        assertThat(workingTime.covers(2023)).isTrue();
        assertThat(workingTime.covers(2026)).isTrue();
        assertThat(workingTime.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    }

    @Test
    void aDayAddedByAnAdministratorMovesDeadlinesOnceCommitted() throws Exception {
        // Monday 2031-05-05 + 1 working day is Tuesday; with Tuesday a holiday it is Wednesday
        Instant monday = Instant.parse("2031-05-05T01:00:00Z");
        assertThat(workingTime.plus(monday, TimeLimit.workingDays(1))).isEqualTo(Instant.parse("2031-05-06T09:00:00Z"));
        mvc.perform(put("/api/worktime/calendar/days/2031-05-06").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"holiday\",\"nameEn\":\"Labour Day\",\"nameZh\":\"劳动节\"}")
                        .with(csrf()).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("holiday"));
        assertThat(workingTime.plus(monday, TimeLimit.workingDays(1))).isEqualTo(Instant.parse("2031-05-07T09:00:00Z"));
        assertThat(workingTime.covers(2031)).isTrue();
        assertThat(events.stream(WorkCalendarChanged.class)).isNotEmpty();

        mvc.perform(delete("/api/worktime/calendar/days/2031-05-06").with(csrf()).with(as("admin")))
                .andExpect(status().isNoContent());
        assertThat(workingTime.plus(monday, TimeLimit.workingDays(1))).isEqualTo(Instant.parse("2031-05-06T09:00:00Z"));
    }

    @Test
    void aBadDayIsRefusedAndChangesNothing() throws Exception {
        List<String> before = storedDays();
        mvc.perform(put("/api/worktime/calendar/days/2032-05-06").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"makeup_workday\",\"nameEn\":\"Labour Day\",\"nameZh\":\"劳动节\"}")
                        .with(csrf()).with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"))
                .andExpect(jsonPath("$.message").value(containsString("不能设为调休上班")));
        mvc.perform(put("/api/worktime/calendar/days/2032-13-01").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"holiday\",\"nameEn\":\"x\",\"nameZh\":\"x\"}").with(csrf()).with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("date"));
        assertThat(storedDays()).isEqualTo(before);
    }

    @Test
    void aFileWithAnyBadLineIsRefusedWithEveryLineAndChangesNothing() throws Exception {
        List<String> before = storedDays();
        mvc.perform(multipart("/api/worktime/calendar/import").file(csv("""
                        date,kind,name_en,name_zh
                        2033-01-01,holiday,New Year's Day,元旦
                        2033-01-32,holiday,New Year's Day,元旦
                        2033-01-03,day-off,New Year's Day,元旦
                        2033-01-01,holiday,New Year's Day,元旦
                        """)).with(csrf()).with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.message").value(containsString("3 处错误")))
                .andExpect(jsonPath("$.errors[0].field").value("line 3 date"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("第 3 行 date：日期“2033-01-32”无效")))
                .andExpect(jsonPath("$.errors[1].field").value("line 4 kind"))
                .andExpect(jsonPath("$.errors[2].message").value(containsString("与第 2 行重复")));
        assertThat(storedDays()).isEqualTo(before);
        assertThat(workingTime.covers(2033)).isFalse();
    }

    @Test
    void theNextYearsScheduleIsUploadedAsAFile() throws Exception {
        mvc.perform(multipart("/api/worktime/calendar/import").file(csv("""
                        date,kind,name_en,name_zh
                        2034-10-02,holiday,National Day,国庆节
                        2034-10-03,holiday,National Day,国庆节
                        2034-10-07,makeup_workday,National Day,国庆节
                        """)).with(csrf()).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(3))
                .andExpect(jsonPath("$.years[0]").value(2034));
        assertThat(workingTime.covers(2034)).isTrue();
        // Friday 2034-09-29: Mon 10-02 and Tue 10-03 off, Wed 10-04 is the first working day
        assertThat(workingTime.nextWorkingDay(LocalDate.of(2034, 9, 29))).isEqualTo(LocalDate.of(2034, 10, 4));
        assertThat(workingTime.isWorkingDay(LocalDate.of(2034, 10, 7))).isTrue();
    }

    @Test
    void onlyCityAdministratorsChangeTheCalendar() throws Exception {
        mvc.perform(put("/api/worktime/calendar/days/2035-05-07").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"holiday\",\"nameEn\":\"x\",\"nameZh\":\"x\"}").with(csrf()).with(as("yongan")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/worktime/calendar/days").param("date", "2035-05-07").param("kind", "holiday")
                        .param("nameZh", "x").param("nameEn", "x").with(csrf()).with(as("wanggeyuan")))
                .andExpect(status().isForbidden());
        assertThat(workingTime.covers(2035)).isFalse();
    }

    @Test
    void everyStaffMemberReadsTheCalendarPageButOnlyAdministratorsSeeTheForms() throws Exception {
        mvc.perform(get("/worktime/calendar").param("year", "2026").with(as("wanggeyuan")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2026 年工作日历"), containsString("调休上班"),
                        containsString("国庆节"), not(containsString("upload-form")))));
        mvc.perform(get("/worktime/calendar").param("year", "2026").param("lang", "en").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Working-day calendar 2026"), containsString("upload-form"),
                        containsString("Make-up working day"))));
    }

    @Test
    void thePageWarnsWhenAYearIsNotLoaded() throws Exception {
        mvc.perform(get("/worktime/calendar").param("year", "2040").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2040 年的放假安排尚未录入")));
        int nextYear = LocalDate.now(workingTime.hours().zone()).getYear() + 1;
        if (workingTime.covers(nextYear - 1) && !workingTime.covers(nextYear)) {
            mvc.perform(get("/worktime/calendar").with(as("admin")))
                    .andExpect(content().string(containsString(nextYear + " 年的放假安排尚未录入")));
        }
    }

    @Test
    void thePageSavesADayAndShowsBadInputWithoutChangingAnything() throws Exception {
        mvc.perform(post("/worktime/calendar/days").param("date", "2036-06-02").param("kind", "holiday")
                        .param("nameZh", "测试假日").param("nameEn", "Test holiday").with(csrf()).with(as("admin")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/worktime/calendar?year=2036"));
        assertThat(workingTime.isWorkingDay(LocalDate.of(2036, 6, 2))).isFalse();
        List<String> before = storedDays();
        mvc.perform(post("/worktime/calendar/days").param("date", "2036-06-03").param("kind", "holiday")
                        .param("nameZh", "").param("nameEn", "x").with(csrf()).with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写名称")));
        mvc.perform(multipart("/worktime/calendar/upload").file(csv("date,kind,name_en,name_zh\n2036-07-01,holiday,,建党\n"))
                        .with(csrf()).with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("第 2 行 name_en：请填写名称")));
        assertThat(storedDays()).isEqualTo(before);
        mvc.perform(post("/worktime/calendar/days/2036-06-02/remove").with(csrf()).with(as("admin")))
                .andExpect(status().is3xxRedirection());
        assertThat(workingTime.isWorkingDay(LocalDate.of(2036, 6, 2))).isTrue();
    }
}
