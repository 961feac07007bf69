package cn.linli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import cn.linli.access.internal.UserAccounts;
import cn.linli.open311.Open311Clients;
import cn.linli.testing.SignedIn;

/**
 * Generated bad input for the parsers that take outside input — the GeoJSON boundary import, the registry's
 * spreadsheet import, Open311's form fields and coordinate parameters: never an unhandled 500, and a refused request
 * writes nothing (the row counts of what it would write stay the same). Plain JUnit with a seeded {@link Random}
 * (the seed is in every failure message, so a failure can be replayed); a few dozen inputs per parser keep the whole
 * class under a minute.
 */
@cn.linli.testing.IntegrationTest
class OutsideInputFuzzIT {

    static final long SEED = Long.getLong("linli.fuzz.seed", System.nanoTime());
    static final int RUNS = 25;
    static final String[] NASTY = {"", " ", "NaN", "Infinity", "-Infinity", "1e309", "-1e309", "0x1p3", "9".repeat(400), "-0",
            "46.8,130.3", "１２３", "\u0000", "\uFEFF1", "null", "[]", "{}", "'", "\"", "<a>", "%00", "😀", "1/0", "--1", "1e-400"};

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Open311Clients clients;
    @Autowired JdbcClient jdbc;

    final Random random = new Random(SEED);
    final List<String> failures = new ArrayList<>();

    int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    MockHttpServletResponse perform(String what, RequestBuilder request) throws Exception {
        try {
            var response = mvc.perform(request).andReturn().getResponse();
            if (response.getStatus() >= 500) failures.add(what + ": " + response.getStatus() + " " + response.getContentAsString());
            return response;
        } catch (ServletException e) {
            failures.add(what + ": unhandled " + e.getRootCause());
            return null;
        }
    }

    String nasty() {
        return random.nextInt(3) == 0 ? NASTY[random.nextInt(NASTY.length)] : String.valueOf((random.nextDouble() - 0.5) * 400);
    }

    /** A mutation of a text: a cut, a duplicated or dropped span, a replaced character, or a nasty value spliced in. */
    String mutate(String text) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        int span = Math.min(text.length() - at, 1 + random.nextInt(40));
        switch (random.nextInt(5)) {
            case 0:
                return text.substring(0, at);
            case 1:
                return text.substring(0, at) + text.substring(at, at + span) + text.substring(at);
            case 2:
                return text.substring(0, at) + text.substring(at + span);
            case 3:
                return text.substring(0, at) + "{}[]:,\"-.0e"
                        .charAt(random.nextInt(11)) + (at + 1 <= text.length() ? text.substring(Math.min(text.length(), at + 1)) : "");
            default:
                return text.substring(0, at) + nasty() + text.substring(at);
        }
    }

    @Test
    void mangledGeoJsonIsRefusedWholeOrTakenWhole() throws Exception {
        // grids at the city's eastern end (抚远), far from the places other tests use
        String valid = mvc.perform(get("/api/territory/boundaries/grid").param("bbox", "134.20,48.30,134.40,48.42")
                .with(SignedIn.as(accounts, "admin"))).andReturn().getResponse().getContentAsString();
        assertThat(valid).contains("FeatureCollection", "Polygon");
        for (int i = 0; i < RUNS; i++) {
            String input = mutate(random.nextInt(4) == 0 ? mutate(valid) : valid);
            int before = count("territory_boundary");
            var response = perform("geojson #" + i, multipart("/api/territory/boundaries/grid")
                    .file(new MockMultipartFile("file", "grids.geojson", "application/geo+json", input.getBytes(StandardCharsets.UTF_8)))
                    // a date far ahead: an input that is still valid after mutation changes no map of today
                    .param("date", "2099-0" + (1 + random.nextInt(9)) + "-01").with(SignedIn.as(accounts, "admin")).with(csrf()));
            if (response != null && response.getStatus() >= 400) {
                assertThat(count("territory_boundary")).as("seed " + SEED + " geojson #" + i + " refused but wrote").isEqualTo(before);
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
    }

    @Test
    void mangledSpreadsheetsAreRefusedWithAReasonAndWriteNoResident() throws Exception {
        String csv = "楼栋地址,所属网格(编码),单元,楼层,房号,户类型,户主姓名,姓名,性别,民族,出生日期,证件类型,公民身份号码,联系电话,与户主关系,居住类型\n"
                + "永安小区1号楼,230804007001001,1,3,301,户籍户,张三,张三,男,汉族,1980-01-01,居民身份证,230899198001010012,13900000000,户主,户籍\n";
        byte[] xlsx = mvc.perform(get("/registry/import/template.xlsx").with(SignedIn.as(accounts, "yongan-sq"))).andReturn()
                .getResponse().getContentAsByteArray();
        for (int i = 0; i < RUNS; i++) {
            byte[] input;
            String name;
            if (random.nextBoolean()) {
                input = mutate(csv).getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16LE);
                name = random.nextInt(4) == 0 ? "人口.xlsx" : "人口.csv";
            } else {
                input = xlsx.clone();
                for (int flips = 1 + random.nextInt(20); flips > 0; flips--) input[random.nextInt(input.length)] = (byte) random.nextInt();
                if (random.nextInt(3) == 0) input = java.util.Arrays.copyOf(input, random.nextInt(input.length));
                name = random.nextInt(4) == 0 ? "人口.csv" : "人口.xlsx";
            }
            int residents = count("registry_resident");
            perform("spreadsheet #" + i, multipart("/registry/import").file(new MockMultipartFile("file", name,
                    "application/octet-stream", input)).with(SignedIn.as(accounts, "yongan-sq")).with(csrf()));
            assertThat(count("registry_resident")).as("seed " + SEED + " spreadsheet #" + i + ": an upload writes no resident")
                    .isEqualTo(residents);
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
    }

    @Test
    void mangledOpen311FormsAreAnsweredWithAnOpen311ErrorAndFileNothing() throws Exception {
        String key = clients.issue(accounts.findByUsername("admin").orElseThrow().toActor(), "fuzz-" + UUID.randomUUID(), 100_000).key();
        String[] fields = {"service_code", "lat", "long", "address_string", "address_id", "email", "device_id", "account_id",
                "first_name", "last_name", "phone", "description", "media_url", "attribute[AMOUNT]", "attribute[KINDS][]",
                "attribute[]", "attribute[[x]]", "attribute", "jurisdiction_id"};
        for (int i = 0; i < RUNS; i++) {
            var request = post("/open311/v2/requests." + (random.nextBoolean() ? "json" : "xml"))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", key);
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                String field = fields[random.nextInt(fields.length)];
                request.param(field, random.nextInt(5) == 0 ? "描述".repeat(1 + random.nextInt(3000)) : nasty());
            }
            int cases = count("casework_case");
            var response = perform("open311 #" + i, request);
            if (response != null && response.getStatus() >= 400) {
                assertThat(count("casework_case")).as("seed " + SEED + " open311 #" + i + " refused but filed").isEqualTo(cases);
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
    }

    @Test
    void anyCoordinateParameterIsAnsweredWithoutAServerError() throws Exception {
        for (int i = 0; i < RUNS; i++) {
            String lat = nasty(), lng = nasty(), crs = random.nextInt(4) == 0 ? nasty() : List.of("wgs84", "gcj02", "bd09").get(random.nextInt(3));
            perform("locate " + lat + "," + lng, get("/api/territory/locate").param("lat", lat).param("lng", lng).param("crs", crs)
                    .with(SignedIn.as(accounts, "yongan")));
            perform("who-handles " + lat + "," + lng, get("/casework/responsibility/who-handles").param("lat", lat).param("lng", lng)
                    .param("categoryCode", "SJ0102").with(SignedIn.as(accounts, "yongan")));
            perform("portal nearby " + lat + "," + lng, get("/portal/report/SJ0102/nearby").param("lat", lat).param("lng", lng));
            perform("open311 list " + lat + "," + lng, get("/open311/v2/requests.json").param("lat", lat).param("long", lng));
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
    }
}
