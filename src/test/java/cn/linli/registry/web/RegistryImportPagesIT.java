package cn.linli.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * The import pages as 永安社区's staff use them: upload, the proposed mapping, validation with its progress, the
 * report of bad rows, "import the good rows", the rejected rows as .xlsx with a reason column; bad files refused.
 */
@IntegrationTest
class RegistryImportPagesIT {

    static final String HEADER = "楼栋地址,所属网格(编码),单元,楼层,房号,户类型,户主姓名,姓名,性别,民族,出生日期,证件类型,公民身份号码,联系电话,与户主关系,居住类型";
    static final String USER = "yongan-sq";

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;

    /** A file of three residents, the second with a wrong check digit. */
    static String csv() {
        String address = "页面导入小区" + System.nanoTime() % 100_000 + "号楼";
        String bad = WebFixture.idNumber(LocalDate.of(1975, 5, 5));
        bad = bad.substring(0, 17) + (bad.charAt(17) == '0' ? '1' : '0');
        return HEADER + "\n"
                + String.join(",", address, "230804007001001", "1", "2", "201", "户籍户", "", "页面甲", "", "", "", "",
                        WebFixture.idNumber(LocalDate.of(1974, 4, 4)), "", "户主", "") + "\n"
                + String.join(",", address, "230804007001001", "1", "2", "202", "户籍户", "", "页面乙", "", "", "", "", bad,
                        "", "户主", "") + "\n"
                + String.join(",", address, "230804007001001", "1", "2", "203", "户籍户", "", "页面丙", "", "", "", "",
                        WebFixture.idNumber(LocalDate.of(1976, 6, 6)), "", "户主", "") + "\n";
    }

    MockHttpServletResponse upload(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/registry/import").file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(csrf()).with(SignedIn.as(accounts, USER))).andReturn().getResponse();
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).with(SignedIn.as(accounts, USER))).andReturn().getResponse().getContentAsString();
    }

    /** Polls the progress fragment as htmx does until it asks for the page to reload; the percentages seen. */
    List<String> pollUntilDone(String job) throws Exception {
        List<String> seen = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            var response = mvc.perform(get(job + "/progress").with(SignedIn.as(accounts, USER))).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            seen.add(response.getContentAsString());
            if ("true".equals(response.getHeader("HX-Refresh"))) return seen;
            Thread.sleep(100);
        }
        throw new AssertionError("the progress never asked for a reload");
    }

    @Test
    void uploadValidateReportImportTheGoodRowsAndDownloadTheRejected() throws Exception {
        var uploaded = upload("页面导入.csv", csv().getBytes(StandardCharsets.UTF_8));
        String job = uploaded.getRedirectedUrl();
        assertThat(job).startsWith("/registry/import/");
        String mapping = page(job);
        assertThat(mapping).contains("列对应", "页面导入.csv");
        assertThat(page("/registry/import")).contains("页面导入.csv");

        var validate = mvc.perform(post(job + "/mapping").with(csrf()).with(SignedIn.as(accounts, USER))
                .param("column-BUILDING_ADDRESS", "0").param("column-GRID", "1").param("column-UNIT", "2")
                .param("column-FLOOR", "3").param("column-ROOM", "4").param("column-HOUSEHOLD_TYPE", "5")
                .param("column-NAME", "7").param("column-DOCUMENT_NUMBER", "12").param("column-RELATION", "14"))
                .andReturn().getResponse();
        assertThat(validate.getRedirectedUrl()).isEqualTo(job);
        pollUntilDone(job);
        String report = page(job);
        assertThat(report).contains("共 3 行：2 行无误，1 行有错。", "导入无误的 2 行", "下载有错的行", "<td>3</td><td>公民身份号码：号码有误：校验位不符");

        var rejected = mvc.perform(get(job + "/rejected.xlsx").with(SignedIn.as(accounts, USER))).andReturn().getResponse();
        assertThat(rejected.getContentType()).contains("spreadsheetml");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(rejected.getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            var format = new DataFormatter();
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            var headings = sheet.getRow(0);
            assertThat(format.formatCellValue(headings.getCell(headings.getLastCellNum() - 1))).isEqualTo("原因");
            var row = sheet.getRow(1);
            assertThat(format.formatCellValue(row.getCell(7))).isEqualTo("页面乙");
            assertThat(format.formatCellValue(row.getCell(row.getLastCellNum() - 2))).isEqualTo("3");
            assertThat(format.formatCellValue(row.getCell(row.getLastCellNum() - 1))).contains("公民身份号码");
        }

        var commit = mvc.perform(post(job + "/commit").with(csrf()).with(SignedIn.as(accounts, USER))).andReturn().getResponse();
        assertThat(commit.getRedirectedUrl()).isEqualTo(job);
        List<String> progress = pollUntilDone(job);
        assertThat(progress).isNotEmpty();
        assertThat(page(job)).contains("已导入 2 行。").doesNotContain("导入无误的 2 行");
    }

    @Test
    void aFileThatIsNotWhatItClaimsOrEmptyIsRefusedOnThePage() throws Exception {
        var notXlsx = upload("人口.xlsx", csv().getBytes(StandardCharsets.UTF_8));
        assertThat(notXlsx.getStatus()).isEqualTo(200);
        assertThat(notXlsx.getContentAsString()).contains("不是 Excel 工作簿");
        assertThat(upload("空.csv", new byte[0]).getContentAsString()).contains("文件是空的");
        assertThat(upload("旧.xls", csv().getBytes(StandardCharsets.UTF_8)).getContentAsString()).contains("只接受 .xlsx 和 .csv");
    }

    @Test
    void anotherUsersImportIsNotShown() throws Exception {
        String job = upload("别人的.csv", csv().getBytes(StandardCharsets.UTF_8)).getRedirectedUrl();
        for (String path : List.of(job, job + "/progress", job + "/rejected.xlsx")) {
            var other = mvc.perform(get(path).with(SignedIn.as(accounts, "admin"))).andReturn().getResponse();
            assertThat(other.getStatus()).as(path).isEqualTo(404);
            assertThat(other.getContentAsString()).doesNotContain("别人的.csv");
        }
        assertThat(mvc.perform(post(job + "/commit").with(csrf()).with(SignedIn.as(accounts, "admin"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }
}
