package cn.linli.registry;

import static cn.linli.registry.RegistryFixture.grid;
import static cn.linli.registry.RegistryFixture.idNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import cn.linli.access.internal.UserAccounts;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;

/** Imports and exports as 永安社区's staff would run them, on H2 and PostgreSQL. */
@IntegrationTest
class RegistryImportIT {

    static final String HEADER = "楼栋地址,所属网格(编码),单元,楼层,房号,户类型,户主姓名,姓名,性别,民族,出生日期,证件类型,公民身份号码,联系电话,与户主关系,居住类型";
    static final String GRID_1 = "230804007001001";
    static final String GRID_2 = "230804007001002";
    static int estate = (int) (System.nanoTime() % 10_000);

    @Autowired RegistryImports imports;
    @Autowired RegistryExports exports;
    @Autowired Registry registry;
    @Autowired RegistryQueries queries;
    @Autowired TerritoryQueries territory;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        ActingAs.user(accounts, "yongan-sq");
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    @Test
    void aGoodFileImportsAllRowsOnceEvenWhenCommittedTwice() {
        String address = address();
        String head = idNumber(LocalDate.of(1971, 3, 4));
        String spouse = idNumber(LocalDate.of(1973, 5, 6));
        String tenant = idNumber(LocalDate.of(1990, 7, 8));
        String csv = lines(
                row(address, GRID_1, "1", "3", "301", "户籍户", "王建国", "王建国", "", "汉族", "1971-03-04", "居民身份证", head, "13800001111", "户主", "户籍人口"),
                row(address, GRID_1, "1", "3", "301", "户籍户", "王建国", "李秀英", "", "汉族", "", "", spouse, "", "配偶", ""),
                row(address, GRID_1, "2", "5", "502", "出租户", "", "赵磊", "", "", "", "", tenant, "", "户主", "流动人口"));
        int before = residents();

        ImportStatus job = validated(upload("人口.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(job.totalRows()).isEqualTo(3);
        assertThat(job.rejectedRows()).isZero();
        assertThat(residents()).as("validation writes nothing").isEqualTo(before);

        imports.commit(job.id());
        imports.commit(job.id());
        ImportStatus done = await(job.id(), ImportState.IMPORTED);
        imports.commit(job.id());
        assertThat(done.importedRows()).isEqualTo(3);
        assertThat(residents()).isEqualTo(before + 3);
        ResidentSummary found = queries.findByDocumentNumber(head).get(0);
        ResidentCard card = queries.resident(found.id()).orElseThrow();
        assertThat(card.name()).isEqualTo("王建国");
        long household = card.memberships().get(0).householdId();
        assertThat(queries.householdMembers(household, null)).extracting(MembershipView::relation)
                .contains(Relation.HEAD, Relation.SPOUSE);
        assertThat(queries.household(household, null).orElseThrow().headId()).isEqualTo(found.id());
        assertThat(card.memberships()).extracting(MembershipView::kind)
                .containsExactlyInAnyOrder(MembershipKind.REGISTERED, MembershipKind.ACTUAL);
        assertThat(queries.resident(queries.findByDocumentNumber(tenant).get(0).id()).orElseThrow().memberships())
                .extracting(MembershipView::kind).containsExactly(MembershipKind.ACTUAL);
        assertThat(audits("REGISTRY_IMPORTED")).anyMatch(d -> d.contains("rows=3"));
    }

    @Test
    void badRowsAreEachReportedAndNothingChangesUntilTheUserChooses() throws IOException {
        String address = address();
        String good = idNumber(LocalDate.of(1980, 1, 2));
        String valid = idNumber(LocalDate.of(1981, 2, 3));
        String badCheck = flipCheck(idNumber(LocalDate.of(1982, 3, 4)));
        String registered = idNumber(LocalDate.of(1983, 4, 5));
        long home = RegistryFixture.household(registry, grid(territory, GRID_1));
        registry.register(new NewResident("已登记", cn.linli.shared.DocumentKind.RESIDENT_ID_CARD, registered, null),
                home, MembershipKind.ACTUAL, Relation.HEAD, LocalDate.of(2020, 1, 1));
        String other = otherCommunityGrid();
        String csv = lines(
                row(address, GRID_1, "1", "1", "101", "户籍户", "", "好人", "", "", "", "", good, "", "户主", ""),
                row(address, GRID_1, "1", "1", "102", "户籍户", "", "校验错", "", "", "", "", badCheck, "", "户主", ""),
                row(address, GRID_1, "1", "1", "103", "户籍户", "", "生日错", "", "", "1999-01-01", "", idNumber(LocalDate.of(1984, 5, 6)), "", "户主", ""),
                row(address, GRID_1, "1", "1", "104", "户籍户", "", "", "", "", "", "", idNumber(LocalDate.of(1985, 6, 7)), "", "户主", ""),
                row(address, GRID_1, "1", "1", "105", "户籍户", "", "电话错", "", "", "", "", idNumber(LocalDate.of(1986, 7, 8)), "12345", "户主", ""),
                row(address, GRID_1, "1", "1", "106", "户籍户", "", "关系错", "", "", "", "", idNumber(LocalDate.of(1987, 8, 9)), "", "表哥", ""),
                row(address, "230804007999999", "1", "1", "107", "户籍户", "", "网格错", "", "", "", "", idNumber(LocalDate.of(1988, 9, 10)), "", "户主", ""),
                row(address, other, "1", "1", "108", "户籍户", "", "越权", "", "", "", "", idNumber(LocalDate.of(1989, 10, 11)), "", "户主", ""),
                row(address, GRID_1, "1", "1", "109", "户籍户", "", "重复", "", "", "", "", good, "", "户主", ""),
                row(address, GRID_1, "1", "1", "110", "户籍户", "", "已登记", "", "", "", "", registered, "", "户主", ""),
                row(address, GRID_1, "1", "1", "111", "户籍户", "", "也好", "", "", "", "", valid, "", "户主", ""));
        int before = residents();

        ImportStatus job = validated(upload("有错.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(job.totalRows()).isEqualTo(11);
        assertThat(job.rejectedRows()).isEqualTo(9);
        assertThat(imports.problems(job.id(), 100)).extracting(p -> p.row() + " " + p.field() + " " + p.code()).containsExactly(
                "3 DOCUMENT_NUMBER shared.document.invalid.check-digit",
                "4 BIRTH_DATE registry.error.birth-date-contradicts-id",
                "5 NAME registry.error.required",
                "6 PHONE shared.phone.invalid.mobile",
                "7 RELATION registry.import.error.unknown-value",
                "8 GRID registry.import.error.unknown-grid",
                "9 GRID registry.import.error.grid-outside-scope",
                "10 DOCUMENT_NUMBER registry.import.error.duplicate-in-file",
                "11 DOCUMENT_NUMBER registry.import.error.document-known");
        assertThat(residents()).as("nothing written before the user chooses").isEqualTo(before);

        imports.commit(job.id());
        assertThat(await(job.id(), ImportState.IMPORTED).importedRows()).isEqualTo(2);
        assertThat(residents()).isEqualTo(before + 2);
        assertThat(queries.findByDocumentNumber(good)).hasSize(1);
        assertThat(queries.findByDocumentNumber(valid)).hasSize(1);

        List<List<String>> rejected = sheet(imports.rejectedRows(job.id(), Locale.SIMPLIFIED_CHINESE), 0);
        assertThat(rejected.get(0)).endsWith("原行号", "原因");
        assertThat(rejected).hasSize(10);
        assertThat(rejected.get(1).get(7)).isEqualTo("校验错");
        assertThat(rejected.get(1).get(rejected.get(1).size() - 1)).startsWith("公民身份号码：");
        assertThat(rejected.get(9).get(rejected.get(9).size() - 1)).contains("已在人口库中登记");
    }

    @Test
    void aGbkCsvIsRecognisedAndReadCorrectly() {
        String number = idNumber(LocalDate.of(1962, 11, 12));
        String csv = lines(row(address(), GRID_2, "1", "2", "201", "常住户", "", "欧阳娜", "", "朝鲜族", "", "", number, "", "户主", ""));
        ImportStatus job = validated(upload("gbk.csv", csv.getBytes(Charset.forName("GBK"))));
        assertThat(job.charset()).isEqualTo("GB18030");
        imports.commit(job.id());
        await(job.id(), ImportState.IMPORTED);
        ResidentCard card = queries.resident(queries.findByDocumentNumber(number).get(0).id()).orElseThrow();
        assertThat(card.name()).isEqualTo("欧阳娜");
        assertThat(card.ethnicity()).isEqualTo("朝鲜族");
    }

    @Test
    void anXlsxLikeTheTemplateImports() throws IOException {
        byte[] template = imports.template(Locale.SIMPLIFIED_CHINESE);
        List<List<String>> rows = sheet(template, 0);
        assertThat(rows.get(0)).startsWith("楼栋地址", "所属网格(编码)");
        assertThat(rows).hasSize(2);
        assertThat(sheet(template, 1)).isNotEmpty();

        String number = idNumber(LocalDate.of(1955, 2, 3));
        List<String> values = new ArrayList<>(rows.get(1));
        values.set(0, address());
        values.set(7, "刘洋");
        values.set(8, "刘洋");
        values.set(11, "");
        values.set(13, number);
        values.set(9, "");
        ImportStatus job = validated(upload("人口.xlsx", xlsx(rows.get(0), values)));
        assertThat(job.rejectedRows()).isZero();
        imports.commit(job.id());
        await(job.id(), ImportState.IMPORTED);
        assertThat(queries.findByDocumentNumber(number)).hasSize(1);
    }

    @Test
    void otherHeadingsAreMappedBySimilarityAndRequiredFieldsMustBeMapped() {
        String csv = "住址,网格编码,单元号,所在楼层,门牌号,户别,居民姓名,身份证号,手机号,关系,备注\n"
                + "x,230804007001001,1,1,101,户籍户,张三," + idNumber(LocalDate.of(1970, 1, 1)) + ",,户主,\n";
        ImportStatus job = imports.upload("其他.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(job.state()).isEqualTo(ImportState.MAPPING);
        assertThat(job.mapping()).containsEntry(ImportField.BUILDING_ADDRESS, 0).containsEntry(ImportField.GRID, 1)
                .containsEntry(ImportField.UNIT, 2).containsEntry(ImportField.FLOOR, 3).containsEntry(ImportField.ROOM, 4)
                .containsEntry(ImportField.HOUSEHOLD_TYPE, 5).containsEntry(ImportField.NAME, 6)
                .containsEntry(ImportField.DOCUMENT_NUMBER, 7).containsEntry(ImportField.PHONE, 8)
                .containsEntry(ImportField.RELATION, 9).doesNotContainValue(10);
        var partial = new java.util.EnumMap<>(job.mapping());
        partial.remove(ImportField.DOCUMENT_NUMBER);
        assertThat(code(() -> imports.validate(job.id(), partial))).isEqualTo("registry.import.error.unmapped");
        assertThat(imports.status(job.id()).orElseThrow().state()).isEqualTo(ImportState.MAPPING);
    }

    @Test
    void filesThatAreNotWhatTheyClaimOrTooLargeAreRefused() {
        assertThat(code(() -> imports.upload("人口.xlsx", "楼栋地址,姓名\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("registry.import.error.not-xlsx");
        assertThat(code(() -> imports.upload("人口.csv", imports.template(Locale.SIMPLIFIED_CHINESE))))
                .isEqualTo("registry.import.error.not-csv");
        assertThat(code(() -> imports.upload("人口.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})))
                .isEqualTo("registry.import.error.file-type");
        byte[] huge = new byte[50 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(code(() -> imports.upload("大.csv", huge))).isEqualTo("registry.import.error.too-large");
        assertThat(jdbc.sql("select count(*) from registry_import where file_name in ('人口.xls', '大.csv')")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anImportThatFailsAtInsertTimeLeavesTheRegistryAsItWas() {
        String address = address();
        List<String> numbers = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            String number = idNumber(LocalDate.of(1991, 1 + i % 12, 1 + i));
            numbers.add(number);
            rows.append(row(address, GRID_1, "1", String.valueOf(1 + i / 2), (1 + i / 2) + "0" + (1 + i % 2), "户籍户", "",
                    "居民" + i, "", "", "", "", number, "", "户主", "")).append('\n');
        }
        ImportStatus job = validated(upload("中断.csv", (HEADER + "\n" + rows).getBytes(StandardCharsets.UTF_8)));
        assertThat(job.rejectedRows()).isZero();
        // someone registers the last person of the file between validation and import: the insert fails late
        long home = RegistryFixture.household(registry, grid(territory, GRID_2));
        registry.register(new NewResident("抢先登记", cn.linli.shared.DocumentKind.RESIDENT_ID_CARD, numbers.get(29), null),
                home, MembershipKind.ACTUAL, Relation.HEAD, LocalDate.of(2021, 1, 1));
        int residents = residents();
        int households = count("registry_household");
        int buildings = count("registry_building");

        imports.commit(job.id());
        ImportStatus failed = await(job.id(), ImportState.FAILED);
        assertThat(failed.failure()).isEqualTo("registry.import.failure.changed");
        assertThat(residents()).isEqualTo(residents);
        assertThat(count("registry_household")).isEqualTo(households);
        assertThat(count("registry_building")).isEqualTo(buildings);
        assertThat(queries.findByDocumentNumber(numbers.get(0))).isEmpty();
    }

    @Test
    void exportsAreMaskedAndAuditedAndUnmaskedOnlyWithPermissionAndReason() throws IOException {
        String number = idNumber(LocalDate.of(1966, 6, 6));
        String csv = lines(row(address(), GRID_1, "1", "1", "101", "户籍户", "", "导出人", "", "", "", "", number, "13900002222", "户主", ""));
        ImportStatus job = validated(upload("导出.csv", csv.getBytes(StandardCharsets.UTF_8)));
        imports.commit(job.id());
        await(job.id(), ImportState.IMPORTED);
        long community = territory.tree(null).findByCode("230804007001").orElseThrow().id();

        RegistryExport masked = exports.export(community, false, null);
        List<List<String>> rows = sheet(masked.content(), 0);
        assertThat(rows).hasSize(masked.rows() + 1);
        assertThat(rows.get(0)).startsWith("楼栋地址", "所属网格(编码)");
        List<String> mine = rows.stream().filter(r -> r.contains("导出人")).findFirst().orElseThrow();
        assertThat(mine).doesNotContain(number, "13900002222").contains(number.substring(0, 4) + "**********" + number.substring(14), "139****2222");
        assertThat(audits("REGISTRY_EXPORTED").get(0)).startsWith("rows=" + masked.rows() + "; grids=").endsWith("; masked");

        assertThat(code(() -> exports.export(community, true, " "))).isEqualTo("registry.export.error.reason-required");
        RegistryExport full = exports.export(community, true, "民政局低保复核");
        assertThat(sheet(full.content(), 0).stream().filter(r -> r.contains("导出人")).findFirst().orElseThrow()).contains(number, "13900002222");
        assertThat(audits("REGISTRY_EXPORTED").get(0)).contains("unmasked; reason=民政局低保复核");

        ActingAs.user(accounts, "wanggeyuan");
        assertThatThrownBy(() -> exports.export(null, true, "想看")).isInstanceOf(AccessDeniedException.class);
        assertThat(audits("REGISTRY_EXPORT_REFUSED")).isNotEmpty();
        ActingAs.user(accounts, "yongan-sq");
        long otherCommunity = territory.tree(null).find(grid(territory, otherCommunityGrid())).orElseThrow().parentId();
        assertThat(code(() -> exports.export(otherCommunity, false, null))).isEqualTo("registry.export.error.unknown-division");
    }

    @Test
    void aCsvWithTitleRowsAboveTheHeadingsReportsTheSheetsRowNumbers() {
        String good = idNumber(LocalDate.of(1977, 7, 7));
        String csv = "永安社区人口登记表,,,,,,,,,,,,,,,\r\n填报单位：永安社区居委会   填报日期：2026年3月\r\n\r\n"
                + lines(row(address(), GRID_1, "1", "2", "201", "户籍户", "", "标题下", "", "", "", "", good, "", "户主", ""),
                        row(address(), GRID_1, "1", "2", "202", "户籍户", "", "错号码", "", "", "", "",
                                flipCheck(idNumber(LocalDate.of(1978, 8, 8))), "", "户主", ""));
        ImportStatus uploaded = imports.upload("带标题.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.headingRow()).isEqualTo(4);
        assertThat(uploaded.headings()).startsWith("楼栋地址", "所属网格(编码)");
        assertThat(uploaded.mapping()).containsEntry(ImportField.NAME, 7).containsEntry(ImportField.DOCUMENT_NUMBER, 12);
        imports.validate(uploaded.id(), uploaded.mapping());
        ImportStatus job = validated(uploaded);
        assertThat(job.totalRows()).isEqualTo(2);
        assertThat(imports.problems(job.id(), 10)).extracting(p -> p.row() + " " + p.field())
                .containsExactly("6 DOCUMENT_NUMBER");
        imports.commit(job.id());
        assertThat(await(job.id(), ImportState.IMPORTED).importedRows()).isEqualTo(1);
        assertThat(queries.findByDocumentNumber(good)).extracting(ResidentSummary::name).containsExactly("标题下");
        // the import writes the name index with the residents: found by part of the name, by those who see the grid
        long imported = queries.findByDocumentNumber(good).get(0).id();
        assertThat(queries.searchByName("题下")).extracting(ResidentSummary::id).contains(imported);
        ActingAs.user(accounts, "wanggeyuan");
        assertThat(queries.searchByName("标题下")).extracting(ResidentSummary::id).contains(imported);
    }

    @Test
    void anXlsxWithAMergedTitleAboveTheHeadingsIsReadFromTheHeadings() throws IOException {
        String number = idNumber(LocalDate.of(1966, 6, 6));
        List<String> headings = List.of(HEADER.split(","));
        List<String> values = new ArrayList<>(List.of(address(), GRID_1, "1", "1", "101", "户籍户", "", "合并标题", "", "", "",
                "", number, "", "户主", ""));
        byte[] file;
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("永安社区人口登记表");
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, headings.size() - 1));
            sheet.createRow(1).createCell(0).setCellValue("单位：人");
            Row h = sheet.createRow(2);
            for (int i = 0; i < headings.size(); i++) h.createCell(i).setCellValue(headings.get(i));
            Row v = sheet.createRow(3);
            for (int i = 0; i < values.size(); i++) v.createCell(i).setCellValue(values.get(i));
            Row bad = sheet.createRow(4);
            values.set(7, "");
            values.set(12, idNumber(LocalDate.of(1967, 7, 7)));
            for (int i = 0; i < values.size(); i++) bad.createCell(i).setCellValue(values.get(i));
            workbook.write(out);
            file = out.toByteArray();
        }
        ImportStatus job = validated(upload("带标题.xlsx", file));
        assertThat(job.headingRow()).isEqualTo(3);
        assertThat(job.totalRows()).isEqualTo(2);
        assertThat(imports.problems(job.id(), 10)).extracting(p -> p.row() + " " + p.field() + " " + p.code())
                .containsExactly("5 NAME registry.error.required");
        List<List<String>> rejected = sheet(imports.rejectedRows(job.id(), Locale.SIMPLIFIED_CHINESE), 0);
        assertThat(rejected.get(0)).startsWith("楼栋地址");
        assertThat(rejected.get(1).get(rejected.get(1).size() - 2)).isEqualTo("5");
        imports.commit(job.id());
        await(job.id(), ImportState.IMPORTED);
        assertThat(queries.findByDocumentNumber(number)).hasSize(1);
    }

    // --- helpers

    ImportStatus upload(String name, byte[] content) {
        ImportStatus job = imports.upload(name, content);
        imports.validate(job.id(), job.mapping());
        return job;
    }

    ImportStatus validated(ImportStatus job) {
        return await(job.id(), ImportState.VALIDATED);
    }

    ImportStatus await(String id, ImportState state) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            ImportStatus status = imports.status(id).orElseThrow();
            if (status.state() == state) return status;
            if (!status.state().running() && status.state() != ImportState.MAPPING && status.state() != ImportState.VALIDATED) {
                throw new AssertionError("import ended " + status.state() + " " + status.failure() + ", expected " + state);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("import did not reach " + state);
    }

    String otherCommunityGrid() {
        return territory.tree(null).atLevel(cn.linli.shared.DivisionLevel.GRID).stream().map(g -> g.code().value())
                .filter(c -> !c.startsWith("230804007001")).findFirst().orElseThrow();
    }

    int residents() {
        return count("registry_resident");
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    List<String> audits(String action) {
        return jdbc.sql("select detail from access_audit where action = ? order by id desc").param(action).query(String.class).list();
    }

    static String address() {
        return "导入测试小区" + (estate++) + "号楼";
    }

    static String row(String... cells) {
        return String.join(",", cells);
    }

    static String lines(String... rows) {
        return HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    static String flipCheck(String number) {
        char check = number.charAt(17);
        return number.substring(0, 17) + (check == '0' ? '1' : '0');
    }

    static String code(Runnable action) {
        try {
            action.run();
        } catch (RejectedRegistryInput e) {
            return e.code();
        }
        return "accepted";
    }

    static byte[] xlsx(List<String> headings, List<String> values) throws IOException {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            Row h = sheet.createRow(0);
            for (int i = 0; i < headings.size(); i++) h.createCell(i).setCellValue(headings.get(i));
            Row v = sheet.createRow(1);
            for (int i = 0; i < values.size(); i++) v.createCell(i).setCellValue(values.get(i));
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static List<List<String>> sheet(byte[] xlsx, int index) throws IOException {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var formatter = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(index)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) cells.add(row.getCell(i) == null ? "" : formatter.formatCellValue(row.getCell(i)));
                rows.add(cells);
            }
            return rows;
        }
    }
}
