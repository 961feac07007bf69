package cn.linli.sweep;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.registry.BuildingType;
import cn.linli.registry.HouseholdType;
import cn.linli.registry.MembershipKind;
import cn.linli.registry.NewBuilding;
import cn.linli.registry.NewHousehold;
import cn.linli.registry.NewResident;
import cn.linli.registry.Registry;
import cn.linli.registry.RegistryImports;
import cn.linli.registry.Relation;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.IdNumber;
import cn.linli.testing.ActingAs;
import cn.linli.testing.SignedIn;

/**
 * Objects of a county that no demo login below the city serves (the first county-level unit outside the four urban
 * districts, which 前进区, 永安, the grid worker and the heating company work in, and to which no case is dispatched
 * to the city bureau): a case with a photo, a building with a household and its resident with a care tag, an import
 * job, an organisation unit, a responsibility rule. Made by the city administrator, as a user would.
 */
record ForeignObjects(long county, String countyCode, long community, String communityCode, long grid, String gridCode, String category,
        long building, long household, long resident, long careTag, String spareIdNumber, long caseId, long caseVersion,
        String caseNumber, long attachment, String importJob, long orgUnit, long member, long rule, long snapshot,
        long client) {

    static final String DESCRIPTION = "外辖区试探工单：桥下积水";
    static final String RESIDENT_NAME = "外辖区居民甲";
    /** Text that only the foreign objects carry: an answer that contains one shows them. */
    static final java.util.List<String> MARKERS = java.util.List.of(DESCRIPTION, RESIDENT_NAME, "外辖区试探小区");

    String memberRole() {
        return "HEAD";
    }

    byte[] photo() {
        try {
            return png();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything stored about the foreign objects, to compare before and after the sweep. */
    String state(JdbcClient jdbc) {
        var state = new StringBuilder();
        for (String[] query : new String[][] {
                {"select * from casework_case where id = :id", "" + caseId},
                {"select * from casework_case_history where case_id = :id order by id", "" + caseId},
                {"select * from casework_attachment where case_id = :id order by id", "" + caseId},
                {"select * from registry_resident where id = :id", "" + resident},
                {"select * from registry_membership where resident_id = :id", "" + resident},
                {"select * from registry_care_tag where resident_id = :id", "" + resident},
                {"select * from registry_household where id = :id", "" + household},
                {"select * from registry_visit where household_id = :id", "" + household},
                {"select * from registry_building where id = :id", "" + building},
                {"select * from organisation_unit where id = :id", "" + orgUnit},
                {"select * from organisation_membership where unit_id = :id order by user_id", "" + orgUnit},
                {"select * from casework_responsibility where id = :id", "" + rule},
                {"select * from territory_unit_version where unit_id = :id order by id", "" + community},
                {"select count(*) from registry_membership m join registry_household h on h.id = m.household_id"
                        + " where h.building_id = :id", "" + building}}) {
            state.append(printable(jdbc.sql(query[0]).param("id", Long.parseLong(query[1])).query().listOfRows())).append('\n');
        }
        state.append(jdbc.sql("select status from registry_import where id = :id").param("id", importJob).query().listOfRows());
        return state.toString();
    }

    record Maker(MockMvc mvc, JdbcClient jdbc, Registry registry, RegistryImports imports, UserAccounts accounts) {

        /** Made once per application context (its database): a second responsibility rule for the place is refused. */
        private static final java.util.Map<JdbcClient, ForeignObjects> MADE = new java.util.concurrent.ConcurrentHashMap<>();

        ForeignObjects make() throws Exception {
            ForeignObjects made = MADE.get(jdbc);
            if (made == null) {
                made = makeNew();
                MADE.put(jdbc, made);
            }
            return made;
        }

        private ForeignObjects makeNew() throws Exception {
            long grid = jdbc.sql("""
                    select v.unit_id from territory_unit_version v
                    where v.valid_to is null and v.type = 'GENERAL_GRID' and substring(v.code, 5, 2) >= '21'
                    order by v.code""").query(Long.class).list().get(0);
            long community = parent(grid), township = parent(community), county = parent(township);
            String category = jdbc.sql("select code from casework_category_version where name_zh = '暴露垃圾' order by version desc")
                    .query(String.class).list().get(0);
            ActingAs.user(accounts, "admin");
            try {
                long building = registry.addBuilding(new NewBuilding("外辖区试探小区" + ThreadLocalRandom.current().nextInt(1_000_000)
                        + "号楼", null, grid, BuildingType.RESIDENTIAL, 2, 6));
                long household = registry.addHousehold(new NewHousehold(building, 1, 2, "201", HouseholdType.REGISTERED, null));
                long resident = registry.register(new NewResident(RESIDENT_NAME, null, null, DocumentKind.RESIDENT_ID_CARD,
                                idNumber(), null, null, null, null, null), household, MembershipKind.REGISTERED, Relation.HEAD,
                        LocalDate.of(2020, 1, 1));
                long careTag = registry.addCareTag(resident, "ELDERLY_80", null, LocalDate.of(2025, 1, 1), null);
                String importJob = imports.upload("外辖区.csv", ("楼栋地址,姓名\n外辖区试探小区1号楼," + RESIDENT_NAME + "\n")
                        .getBytes(StandardCharsets.UTF_8)).id();
                ActingAs.nobody();
                String created = mvc.perform(post("/api/casework/cases").contentType(MediaType.APPLICATION_JSON).content("""
                                {"type":"COMPLAINT","channel":"WINDOW","description":"%s","placeUnitId":%d,"categoryCode":"%s",
                                 "reporterName":"%s","reporterPhone":"13900001111"}""".formatted(DESCRIPTION, grid, category, RESIDENT_NAME))
                        .with(csrf()).with(SignedIn.as(accounts, "admin"))).andReturn().getResponse().getContentAsString();
                long caseId = Long.parseLong(field(created, "id"));
                mvc.perform(multipart("/api/casework/cases/" + caseId + "/attachments")
                        .file(new MockMultipartFile("files", "现场.png", "image/png", png())).with(csrf())
                        .with(SignedIn.as(accounts, "admin"))).andReturn();
                long attachment = jdbc.sql("select id from casework_attachment where case_id = :id").param("id", caseId)
                        .query(Long.class).single();
                long orgUnit = orgUnit(county, township, community);
                String rule = mvc.perform(post("/api/casework/responsibility").contentType(MediaType.APPLICATION_JSON).content(
                                "{\"categoryCode\":\"%s\",\"placeUnitId\":%d,\"mainUnit\":%d}".formatted(category, community, orgUnit))
                        .with(csrf()).with(SignedIn.as(accounts, "admin"))).andReturn().getResponse().getContentAsString();
                long member = accounts.findByUsername("admin").orElseThrow().id();
                return new ForeignObjects(county, code(county), community, code(community), grid, code(grid), category, building, household,
                        resident, careTag, idNumber(), caseId, Long.parseLong(field(created, "version")), field(created, "number"),
                        attachment, importJob, orgUnit, member, Long.parseLong(field(rule, "id")), 1, 1);
            } finally {
                ActingAs.nobody();
            }
        }

        long parent(long unit) {
            return jdbc.sql("select parent_id from territory_unit_version where unit_id = :id and valid_to is null")
                    .param("id", unit).query(Long.class).single();
        }

        String code(long unit) {
            return jdbc.sql("select code from territory_unit_version where unit_id = :id and valid_to is null")
                    .param("id", unit).query(String.class).single();
        }

        /** An organisation unit at home in the county, its township or community. */
        long orgUnit(long county, long township, long community) {
            return jdbc.sql("select id from organisation_unit where home_unit_id in (:units) order by id")
                    .param("units", java.util.List.of(county, township, community)).query(Long.class).list().get(0);
        }
    }

    /** Rows as text; binary columns (photos, ciphertexts) by their content, not by their array's identity. */
    static String printable(java.util.List<java.util.Map<String, Object>> rows) {
        return rows.stream().map(row -> row.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() instanceof byte[] b
                ? "bytes#" + java.util.Arrays.hashCode(b) : String.valueOf(e.getValue()))).toList().toString()).toList().toString();
    }

    static String idNumber() {
        String first17 = "230899" + "19500101" + String.format("%03d", ThreadLocalRandom.current().nextInt(400, 700));
        return first17 + IdNumber.checkCharacter(first17);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
        return m.group(1);
    }

    static byte[] png() throws Exception {
        var picture = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", out);
        return out.toByteArray();
    }
}
