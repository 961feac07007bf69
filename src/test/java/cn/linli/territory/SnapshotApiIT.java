package cn.linli.territory;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/** Uploading official code lists: a list the territory already matches proposes nothing; a bad one names its rows. */
@IntegrationTest
class SnapshotApiIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;

    @Test
    void theSameListAgainProposesNothing() throws Exception {
        byte[] list = new ClassPathResource("territory/demo/jiamusi-divisions-2023.csv").getContentAsByteArray();
        mvc.perform(multipart("/api/territory/snapshots").file(new MockMultipartFile("file", "2023.csv", "text/csv", list))
                        .param("date", "2023-06-30").with(csrf()).with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.operations.length()").value(0))
                .andExpect(jsonPath("$.matchedByRule.CODE_AND_NAME").value(1678));
    }

    @Test
    void aBadListIsRefusedWithEveryBadRowAndItsLine() throws Exception {
        String csv = """
                code,name,level,parent_code
                230800000000,佳木斯市,city,230000000000
                23080300000,向阳区,county,230800000000
                230803001000,西林街道,village,230803000000
                """;
        mvc.perform(multipart("/api/territory/snapshots")
                        .file(new MockMultipartFile("file", "bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("date", "2024-06-30").with(csrf()).with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("第 3 行")));
    }

    @Test
    void onlyCityAdministratorsImportLists() throws Exception {
        mvc.perform(multipart("/api/territory/snapshots")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", "code".getBytes(StandardCharsets.UTF_8)))
                        .param("date", "2024-06-30").with(csrf()).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isForbidden());
    }
}
