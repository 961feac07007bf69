package cn.linli.registry;

import static cn.linli.registry.RegistryFixture.grid;
import static cn.linli.registry.RegistryFixture.household;
import static cn.linli.registry.RegistryFixture.idNumber;
import static cn.linli.registry.RegistryFixture.resident;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.access.internal.UserAccounts;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;

/** Corrections of a resident's details as 永安社区's staff make them, on H2 and PostgreSQL. */
@IntegrationTest
class ResidentCorrectionIT {

    @Autowired Registry registry;
    @Autowired RegistryQueries queries;
    @Autowired TerritoryQueries territory;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    long home;
    long id;
    String number;

    @BeforeEach
    void aResident() {
        ActingAs.user(accounts, "yongan-sq");
        home = household(registry, grid(territory, "230804007001001"));
        number = idNumber(LocalDate.of(1966, 4, 12));
        id = registry.register(new NewResident("欧阳修", DocumentKind.RESIDENT_ID_CARD, number, "17000019999"), home,
                MembershipKind.REGISTERED, Relation.CHILD, LocalDate.of(2000, 1, 1));
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    ResidentCard card() {
        return queries.resident(id).orElseThrow();
    }

    /** The card as read, with some fields changed: what the form posts. */
    ResidentCorrection correction(String name, String document, String phone, Map<MembershipKind, Relation> relations) {
        ResidentCard card = card();
        return new ResidentCorrection((long) card.version(), name, null, null, null, document, phone, false, "汉族",
                "大学本科", card.employment(), true, relations);
    }

    List<String> audits() {
        return jdbc.sql("select detail from access_audit where action = 'REGISTRY_RESIDENT_CORRECTED' and subject = ?")
                .param("resident " + id).query(String.class).list();
    }

    static String code(Runnable action) {
        return RegistryIT.code(action);
    }

    @Test
    void nameDetailsAndRelationAreCorrectedAndTheAuditNamesTheFieldsNotTheValues() {
        List<String> changed = registry.correct(id, correction("欧阳秀", null, null, Map.of(MembershipKind.REGISTERED, Relation.HEAD)));

        assertThat(changed).containsExactly("name", "ethnicity", "education", "partyMember", "relation");
        ResidentCard card = card();
        assertThat(card.name()).isEqualTo("欧阳秀");
        assertThat(card.ethnicity()).isEqualTo("汉族");
        assertThat(card.partyMember()).isTrue();
        assertThat(card.memberships()).singleElement().extracting(MembershipView::relation).isEqualTo(Relation.HEAD);
        assertThat(queries.household(home, null).orElseThrow().headId()).isEqualTo(id);
        assertThat(card.version()).isEqualTo(1);
        assertThat(queries.findByDocumentNumber(number)).extracting(ResidentSummary::id).containsExactly(id);
        assertThat(audits()).singleElement().isEqualTo("fields=name,ethnicity,education,partyMember,relation")
                .asString().doesNotContain("欧阳");
    }

    @Test
    void aNewIdNumberIsEncryptedAfreshAndGivesTheBirthDateAndGender() {
        String corrected = idNumber(LocalDate.of(1967, 8, 30));
        registry.correct(id, correction("欧阳修", corrected, "17000018888", Map.of()));

        ResidentCard card = card();
        assertThat(card.birthDate()).isEqualTo(LocalDate.of(1967, 8, 30));
        assertThat(card.gender()).isEqualTo(cn.linli.shared.IdNumber.parse(corrected).gender());
        assertThat(card.document()).endsWith(corrected.substring(14)).doesNotContain(corrected);
        assertThat(card.phone()).endsWith("8888");
        assertThat(queries.findByDocumentNumber(corrected)).extracting(ResidentSummary::id).containsExactly(id);
        assertThat(queries.findByDocumentNumber(number)).isEmpty();
        assertThat(queries.findByPhone("17000018888")).extracting(ResidentSummary::id).containsExactly(id);
        String stored = jdbc.sql("select document_number from registry_resident where id = ?").param(id).query(String.class).single();
        assertThat(stored).doesNotContain(corrected);
    }

    @Test
    void repeatingACorrectionChangesNothingMore() {
        ResidentCorrection correction = correction("欧阳秀", null, null, Map.of());
        registry.correct(id, correction);
        assertThat(registry.correct(id, correction)).isEmpty();
        assertThat(card().version()).isEqualTo(1);
        assertThat(audits()).hasSize(1);
    }

    @Test
    void eachBadCorrectionIsRefusedWithItsReasonAndChangesNothing() {
        registry.register(resident("邻居", LocalDate.of(1970, 1, 1)), home, MembershipKind.REGISTERED, Relation.HEAD,
                LocalDate.of(2001, 1, 1));
        ResidentCard before = card();
        String badCheck = number.substring(0, 17) + (number.charAt(17) == '0' ? '1' : '0');
        var stale = new ResidentCorrection((long) before.version() + 5, "欧阳秀", null, null, null, null, null, false, null,
                null, null, null, Map.of());

        assertThat(code(() -> registry.correct(id, correction("欧阳修", badCheck, null, Map.of()))))
                .isEqualTo("shared.document.invalid.check-digit");
        assertThat(code(() -> registry.correct(id, new ResidentCorrection((long) before.version(), "欧阳修", null,
                LocalDate.of(1990, 1, 1), null, null, null, false, null, null, null, null, Map.of()))))
                .isEqualTo("registry.error.birth-date-contradicts-id");
        assertThat(code(() -> registry.correct(id, new ResidentCorrection((long) before.version(), "欧阳修",
                before.gender() == Gender.MALE ? Gender.FEMALE : Gender.MALE, null, null, null, null, false, null, null,
                null, null, Map.of())))).isEqualTo("registry.error.gender-contradicts-id");
        assertThat(code(() -> registry.correct(id, correction(" ", null, null, Map.of())))).isEqualTo("registry.error.required");
        assertThat(code(() -> registry.correct(id, correction("欧阳修", null, "12345", Map.of())))).isEqualTo("shared.phone.invalid.mobile");
        assertThat(code(() -> registry.correct(id, stale))).isEqualTo("registry.error.changed-meanwhile");
        assertThat(code(() -> registry.correct(id, correction("欧阳修", null, null, Map.of(MembershipKind.REGISTERED, Relation.HEAD)))))
                .isEqualTo("registry.error.head-exists");
        assertThat(code(() -> registry.correct(id, correction("欧阳修", null, null, Map.of(MembershipKind.ACTUAL, Relation.HEAD)))))
                .isEqualTo("registry.error.no-current-household");

        ResidentCard after = card();
        assertThat(after).isEqualTo(before);
        assertThat(audits()).isEmpty();
    }

    @Test
    void aDocumentNumberHeldByAnotherResidentIsRefused() {
        String othersNumber = idNumber(LocalDate.of(1971, 2, 3));
        registry.register(new NewResident("另一人", DocumentKind.RESIDENT_ID_CARD, othersNumber, null), home,
                MembershipKind.ACTUAL, Relation.HEAD, LocalDate.of(2001, 1, 1));
        assertThat(code(() -> registry.correct(id, correction("欧阳修", othersNumber, null, Map.of()))))
                .isEqualTo("registry.error.document-held-by-another");
        assertThat(queries.findByDocumentNumber(number)).extracting(ResidentSummary::id).containsExactly(id);
    }

    @Test
    void aResidentOutsideTheScopeIsUnknownAndStaffAboveTheCommunityMayNotCorrect() {
        ResidentCorrection correction = correction("欧阳秀", null, null, Map.of());
        ActingAs.user(accounts, "chengguan");
        assertThat(code(() -> registry.correct(id, correction))).isEqualTo("registry.error.unknown-resident");
        ActingAs.user(accounts, "admin");
        assertThat(code(() -> registry.correct(id, correction))).isEqualTo("registry.error.correction-needs-full-names");
        ActingAs.user(accounts, "yongan-sq");
        assertThat(card().name()).isEqualTo("欧阳修");
    }
}
