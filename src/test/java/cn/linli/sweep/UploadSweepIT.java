package cn.linli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * Every route that takes a file, found in the handler mappings by its {@link MultipartFile} parameter, is sent a file
 * whose name lies about its content (a text named .jpg, a PNG named .csv or .geojson, a ZIP named .xlsx): it is
 * refused, without a server error, and nothing is stored (the table the upload would fill keeps its row count).
 */
@IntegrationTest
class UploadSweepIT {

    static final byte[] TEXT = "这不是图片，只是改了名字的文本。#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] ZIP = {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    record Upload(String table, Function<ForeignObjects, MockMultipartHttpServletRequestBuilder> request) {
    }

    static final Map<String, Upload> UPLOADS = new LinkedHashMap<>();

    static MockMultipartFile file(String part, String name, byte[] content, String type) {
        return new MockMultipartFile(part, name, type, content);
    }

    static {
        UPLOADS.put("POST /api/casework/cases", new Upload("casework_attachment", f -> multipart("/api/casework/cases")
                .file(new MockMultipartFile("case", "", "application/json", ("{\"type\":\"COMPLAINT\",\"channel\":\"WINDOW\","
                        + "\"description\":\"改名文件\",\"placeUnitId\":" + f.grid() + ",\"categoryCode\":\"" + f.category() + "\"}")
                        .getBytes(StandardCharsets.UTF_8)))
                .file(file("files", "现场.jpg", TEXT, "image/jpeg"))));
        UPLOADS.put("POST /api/casework/cases/{id}/attachments", new Upload("casework_attachment",
                f -> multipart("/api/casework/cases/" + f.caseId() + "/attachments").file(file("files", "补充.png", TEXT, "image/png"))));
        UPLOADS.put("POST /api/casework/cases/{id}/result", new Upload("casework_attachment",
                f -> multipart("/api/casework/cases/" + f.caseId() + "/result").file(file("files", "结果.jpg", TEXT, "image/jpeg"))
                        .file(new MockMultipartFile("step", "", "application/json", ("{\"version\":" + f.caseVersion()
                                + ",\"result\":\"已处理\"}").getBytes(StandardCharsets.UTF_8)))));
        UPLOADS.put("POST /casework/desk", new Upload("casework_attachment", f -> multipart("/casework/desk")
                .file(file("photos", "现场.jpg", TEXT, "image/jpeg")).param("type", "COMPLAINT").param("channel", "WINDOW")
                .param("description", "改名文件").param("placeUnitId", "" + f.grid()).param("categoryCode", f.category())));
        UPLOADS.put("POST /casework/inbox/{id}/{action:[a-z-]+}", new Upload("casework_attachment",
                f -> multipart("/casework/inbox/" + f.caseId() + "/result").file(file("photos", "结果.jpg", TEXT, "image/jpeg"))
                        .param("version", "" + f.caseVersion()).param("result", "已处理")));
        UPLOADS.put("POST /casework/cases/{id}/{action:[a-z-]+}", new Upload("casework_attachment",
                f -> multipart("/casework/cases/" + f.caseId() + "/result").file(file("photos", "结果.jpg", TEXT, "image/jpeg"))
                        .param("version", "" + f.caseVersion()).param("result", "已处理")));
        UPLOADS.put("POST /portal/report/{code}", new Upload("casework_attachment",
                f -> multipart("/portal/report/" + f.category()).file(file("photos", "现场.jpg", TEXT, "image/jpeg"))
                        .param("description", "改名文件").param("placeUnitId", "" + f.grid())));
        UPLOADS.put("POST /registry/import", new Upload("registry_import",
                f -> multipart("/registry/import").file(file("file", "人口.csv", PNG_HEADER, "text/csv"))));
        UPLOADS.put("POST /territory/snapshots", new Upload("territory_snapshot_import",
                f -> multipart("/territory/snapshots").file(file("file", "区划.xlsx", TEXT, "application/vnd.ms-excel"))));
        UPLOADS.put("POST /api/territory/snapshots", new Upload("territory_snapshot_import",
                f -> multipart("/api/territory/snapshots").file(file("file", "区划.csv", ZIP, "text/csv"))));
        UPLOADS.put("POST /territory/boundaries", new Upload("territory_boundary",
                f -> multipart("/territory/boundaries").file(file("file", "网格.geojson", PNG_HEADER, "application/geo+json"))
                        .param("level", "grid")));
        UPLOADS.put("POST /api/territory/boundaries/{level}", new Upload("territory_boundary",
                f -> multipart("/api/territory/boundaries/grid").file(file("file", "网格.geojson", ZIP, "application/geo+json"))));
        UPLOADS.put("POST /worktime/calendar/upload", new Upload("worktime_calendar_day",
                f -> multipart("/worktime/calendar/upload").file(file("file", "日历.csv", PNG_HEADER, "text/csv"))));
        UPLOADS.put("POST /api/worktime/calendar/import", new Upload("worktime_calendar_day",
                f -> multipart("/api/worktime/calendar/import").file(file("file", "日历.csv", ZIP, "text/csv"))));
    }

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired cn.linli.registry.Registry registry;
    @Autowired cn.linli.registry.RegistryImports imports;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    static boolean takesAFile(Routes.Route route) {
        for (MethodParameter parameter : route.handler().getMethodParameters()) {
            if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())
                    || MultipartFile.class.equals(parameter.getNestedParameterType())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyUploadIsCheckedByItsContentNotItsName() throws Exception {
        var routes = Routes.of(mapping).all().stream().filter(UploadSweepIT::takesAFile).map(Routes.Route::key).distinct().toList();
        assertThat(routes).as("add this upload to the sweep (UploadSweepIT.UPLOADS)").allMatch(UPLOADS::containsKey);
        ForeignObjects objects = new ForeignObjects.Maker(mvc, jdbc, registry, imports, accounts).make();
        var accepted = new ArrayList<String>();
        for (var upload : UPLOADS.entrySet()) {
            int before = count(upload.getValue().table());
            var request = upload.getValue().request().apply(objects).with(csrf());
            if (!upload.getKey().contains("/portal/")) request.with(SignedIn.as(accounts, "admin"));
            var response = mvc.perform(request).andReturn().getResponse();
            if (response.getStatus() >= 500 || count(upload.getValue().table()) != before) {
                accepted.add(upload.getKey() + ": " + response.getStatus() + ", " + upload.getValue().table() + " "
                        + before + " → " + count(upload.getValue().table()));
            }
        }
        assertThat(accepted).as("files whose name lied about their content that were taken or broke the server").isEmpty();
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
