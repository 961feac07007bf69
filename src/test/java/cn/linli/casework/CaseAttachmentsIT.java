package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import cn.linli.access.internal.UserAccounts;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * Photos and files on cases: real JPEG and PNG photos come back byte for byte to those who may see the case and to
 * nobody else; a text file called .jpg, a file over the limit and a tenth photo are refused with their reason, and the
 * step they came with is refused whole.
 */
@IntegrationTest
class CaseAttachmentsIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired CaseAttachments attachments;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    static byte[] image(String format, Color colour) throws Exception {
        var picture = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        var g = picture.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        var out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(picture, format, out)).isTrue();
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    long grid() {
        return territory.tree(null).findByCode("230804007001001").orElseThrow().id();
    }

    String rubbish() {
        return categories.search("暴露垃圾", 1).get(0).category().code().value();
    }

    int stored(long caseId) {
        return jdbc.sql("select count(*) from casework_attachment where case_id = :id").param("id", caseId).query(Integer.class).single();
    }

    CaseView view(long id) {
        ActingAs.user(accounts, "admin");
        try {
            return queries.find(id).orElseThrow();
        } finally {
            ActingAs.nobody();
        }
    }

    /** Registered by 永安社区, dispatched by 永安街道 to the city bureau, accepted by it: waiting for the result. */
    long inProgress() {
        ActingAs.user(accounts, "yongan-sq");
        long id = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "7号楼后垃圾堆积。", null, grid(),
                "永安社区7号楼", "孙先生", null, false, false, false, rubbish(), false, null)).caseId();
        ActingAs.user(accounts, "yongan");
        long unit = organisation.unitsOf(accounts.findByUsername("chengguan").orElseThrow().id()).get(0).id();
        work.dispatch(id, queries.find(id).orElseThrow().version(), unit, Set.of(), null);
        ActingAs.user(accounts, "chengguan");
        work.accept(id, queries.find(id).orElseThrow().version());
        ActingAs.nobody();
        return id;
    }

    MockMultipartHttpServletRequestBuilder resultWith(long id, MockMultipartFile... photos) {
        var request = multipart("/casework/inbox/" + id + "/result");
        for (var p : photos) request.file(p);
        request.param("version", String.valueOf(view(id).version())).param("result", "垃圾已清运完毕。");
        return request;
    }

    static MockMultipartFile photo(String name, String type, byte[] bytes) {
        return new MockMultipartFile("photos", name, type, bytes);
    }

    @Test
    void aJpegAndAPngTakenInThroughTheApiComeBackIdenticalToThoseWhoMaySeeTheCaseAndToNobodyElse() throws Exception {
        byte[] jpeg = image("jpg", Color.ORANGE), png = image("png", Color.GREEN);
        String json = """
                {"type":"COMPLAINT","channel":"WINDOW","description":"5号楼前暴露垃圾。","placeUnitId":%d,"categoryCode":"%s"}"""
                .formatted(grid(), rubbish());
        String body = mvc.perform(multipart("/api/casework/cases")
                        .file(new MockMultipartFile("case", "", "application/json", json.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("files", "现场.jpg", "image/jpeg", jpeg))
                        .file(new MockMultipartFile("files", "C:\\相机\\近景\".png", "image/png", png))
                        .with(csrf()).with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));

        ActingAs.user(accounts, "yongan");
        List<CaseAttachment> files = attachments.of(id).orElseThrow();
        assertThat(files).extracting(CaseAttachment::contentType).containsExactly("image/jpeg", "image/png");
        assertThat(files).extracting(CaseAttachment::stage).containsOnly(AttachmentStage.INTAKE);
        assertThat(files.get(1).fileName()).isEqualTo("近景_.png");
        assertThat(files).extracting(CaseAttachment::sha256).containsExactly(sha256(jpeg), sha256(png));

        for (String who : List.of("yongan-sq", "yongan", "qianjin", "admin")) {
            byte[] served = mvc.perform(get("/casework/cases/" + id + "/attachments/" + files.get(0).id()).with(SignedIn.as(accounts, who)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "image/jpeg"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Content-Disposition", containsString("inline")))
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(sha256(served)).as(who).isEqualTo(sha256(jpeg));
        }
        byte[] servedPng = mvc.perform(get("/casework/cases/" + id + "/attachments/" + files.get(1).id()).with(SignedIn.as(accounts, "yongan")))
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.equals(servedPng, png)).isTrue();

        mvc.perform(get("/casework/cases/" + id + "/attachments/" + files.get(0).id()).with(SignedIn.as(accounts, "gongre")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/casework/cases/" + id + "/attachments").with(SignedIn.as(accounts, "gongre")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/casework/cases/" + id).with(SignedIn.as(accounts, "yongan")))
                .andExpect(content().string(allOf(containsString("/casework/cases/" + id + "/attachments/" + files.get(0).id()),
                        containsString("/casework/cases/" + id + "/attachments/" + files.get(1).id()), containsString("class=\"thumb\""))));
    }

    @Test
    void aTextFileNamedJpgIsRefusedAtTheDeskWithItsReasonAndNoCaseIsCreated() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = jdbc.sql("select count(*) from casework_attachment").query(Integer.class).single();
        mvc.perform(multipart("/casework/desk")
                        .file(photo("现场.jpg", "image/jpeg", "这不是图片，只是文字。".getBytes(StandardCharsets.UTF_8)))
                        .param("type", "COMPLAINT").param("channel", "WINDOW").param("categoryCode", rubbish())
                        .param("description", "8号楼旁垃圾无人清运。").param("placeUnitId", String.valueOf(grid()))
                        .param("decision", "REGISTER").param("idempotencyKey", key)
                        .with(csrf()).with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("“现场.jpg”不是图片或 PDF 文件"), containsString("8号楼旁垃圾无人清运。"))));
        assertThat(jdbc.sql("select count(*) from casework_case where idempotency_key = :key").param("key", key)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from casework_attachment").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAndNothingIsAdded() throws Exception {
        long id = inProgress();
        byte[] big = Arrays.copyOf(image("jpg", Color.RED), 10 * 1024 * 1024 + 1);
        mvc.perform(multipart("/api/casework/cases/" + id + "/attachments").file(new MockMultipartFile("files", "大图.jpg", "image/jpeg", big))
                        .with(csrf()).with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("“大图.jpg”超过 10 MB 的大小上限")));
        assertThat(stored(id)).isZero();
        mvc.perform(multipart("/api/casework/cases/" + id + "/attachments").file(new MockMultipartFile("files", "补充.png", "image/png",
                        image("png", Color.BLUE))).with(csrf()).with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(status().isCreated());
        assertThat(stored(id)).isEqualTo(1);
        mvc.perform(multipart("/api/casework/cases/" + id + "/attachments").file(new MockMultipartFile("files", "补充.png", "image/png",
                        image("png", Color.BLUE))).with(csrf()).with(SignedIn.as(accounts, "gongre")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aResultWithOneBadPhotoIsRefusedWholeAndTheCaseStaysInProgress() throws Exception {
        long id = inProgress();
        long version = view(id).version();
        mvc.perform(resultWith(id, photo("清运后.jpg", "image/jpeg", image("jpg", Color.GRAY)),
                        photo("说明.jpg", "image/jpeg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                        .header("HX-Request", "true").with(csrf()).with(SignedIn.as(accounts, "chengguan")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“说明.jpg”不是图片或 PDF 文件")));
        assertThat(view(id).state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(view(id).version()).isEqualTo(version);
        assertThat(stored(id)).isZero();

        byte[] after = image("jpg", Color.WHITE);
        mvc.perform(resultWith(id, photo("清运后.jpg", "image/jpeg", after)).header("HX-Request", "true")
                        .with(csrf()).with(SignedIn.as(accounts, "chengguan")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已处置反馈")));
        CaseView handled = view(id);
        assertThat(handled.state()).isEqualTo(CaseState.HANDLED);
        ActingAs.user(accounts, "chengguan");
        CaseAttachment result = attachments.of(id).orElseThrow().get(0);
        assertThat(result.stage()).isEqualTo(AttachmentStage.RESULT);
        assertThat(result.sha256()).isEqualTo(sha256(after));
        CaseView.Entry step = handled.timeline().stream().filter(e -> e.action() == CaseAction.REPORT_RESULT).findFirst().orElseThrow();
        assertThat(result.historyId()).isEqualTo(step.id());
    }

    @Test
    void tenPhotosInOneStepAreRefused() throws Exception {
        long id = inProgress();
        var request = multipart("/api/casework/cases/" + id + "/result");
        for (int i = 1; i <= 10; i++) request.file(new MockMultipartFile("files", i + ".png", "image/png", image("png", new Color(i * 20, 0, 0))));
        mvc.perform(request.param("version", String.valueOf(view(id).version())).param("result", "已清运。")
                        .with(csrf()).with(SignedIn.as(accounts, "chengguan")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("每一步最多上传 9 张照片")));
        assertThat(view(id).state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(stored(id)).isZero();
    }
}
