package cn.linli.worktime;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/** The read API: a year of the calendar, deadlines and elapsed time, and bad input answered field by field. */
@IntegrationTest
class WorktimeApiIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;

    MockHttpServletRequestBuilder deadline(String start, String limit, String unit) {
        return get("/api/worktime/deadline").param("start", start).param("limit", limit).param("unit", unit)
                .with(SignedIn.as(accounts, "wanggeyuan"));
    }

    @Test
    void fifteenWorkingDaysAfter20260928AreDueAtCloseOfBusinessOnOctober23() throws Exception {
        mvc.perform(deadline("2026-09-28T09:00:00+08:00", "15", "working-days"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value("2026-10-23T09:00:00Z"))
                .andExpect(jsonPath("$.deadlineLocal").value("2026-10-23T17:00+08:00"))
                .andExpect(jsonPath("$.calendarCovers").value(true));
    }

    @Test
    void fiveWorkingHoursAfterFridayFourPmAreDueOnMonday() throws Exception {
        // an unencoded '+' arrives as a space and is still read as the offset
        mvc.perform(deadline("2026-03-06T16:00:00 08:00", "5", "working-hours"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value("2026-03-09T06:00:00Z"));
        mvc.perform(deadline("2026-03-06T16:00", "6", "natural-hours"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value("2026-03-06T14:00:00Z"));
    }

    @Test
    void aDeadlineInAYearNotLoadedSaysSo() throws Exception {
        mvc.perform(deadline("2040-12-31T10:00:00+08:00", "2", "working-days"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.calendarCovers").value(false));
    }

    @Test
    void badInputIsRefusedWithTheFieldAndAReasonInTheUsersLanguage() throws Exception {
        mvc.perform(deadline("2026-09-28T09:00:00+08:00", "15", "fortnights"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("unit"))
                .andExpect(jsonPath("$.message").value(containsString("时限单位“fortnights”无效")));
        mvc.perform(deadline("2026-09-28T09:00:00+08:00", "-3", "working-days"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("limit"))
                .andExpect(jsonPath("$.message").value(containsString("不能为负数")));
        mvc.perform(deadline("2026-09-28T09:00:00+08:00", "100000", "working-days").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("limit"))
                .andExpect(jsonPath("$.message").value(containsString("too large")));
        mvc.perform(deadline("28/09/2026", "1", "working-days"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("start"));
        mvc.perform(get("/api/worktime/calendar").param("year", "twenty").with(SignedIn.as(accounts, "wanggeyuan")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("year"));
    }

    @Test
    void aYearListsItsHolidaysMakeupDaysAndWorkingDayCount() throws Exception {
        mvc.perform(get("/api/worktime/calendar").param("year", "2026").with(SignedIn.as(accounts, "wanggeyuan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.covered").value(true))
                .andExpect(jsonPath("$.workingDays").value(248))
                .andExpect(jsonPath("$.days[?(@.date == '2026-10-10')].kind").value(hasItem("makeup_workday")))
                .andExpect(jsonPath("$.days[?(@.date == '2026-10-01')].nameZh").value(hasItem("国庆节")));
        mvc.perform(get("/api/worktime/days/2026-10-09").with(SignedIn.as(accounts, "wanggeyuan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workingDay").value(true))
                .andExpect(jsonPath("$.nextWorkingDay").value("2026-10-10"));
    }

    @Test
    void elapsedWorkingTimeLeavesOutNightsWeekendsAndLunch() throws Exception {
        mvc.perform(get("/api/worktime/elapsed").param("from", "2026-03-06T16:00:00+08:00").param("to", "2026-03-09T14:00:00+08:00")
                        .param("unit", "working-hours").with(SignedIn.as(accounts, "wanggeyuan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seconds").value(5 * 3600))
                .andExpect(jsonPath("$.duration").value("PT5H"));
    }

    @Test
    void theApiIsDocumentedAndNeedsALogin() throws Exception {
        mvc.perform(get("/api/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/worktime/deadline']").exists())
                .andExpect(jsonPath("$.paths['/api/worktime/calendar/import']").exists());
        mvc.perform(get("/api/worktime/calendar")).andExpect(status().isUnauthorized());
    }
}
