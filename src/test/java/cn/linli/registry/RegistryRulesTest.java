package cn.linli.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.linli.registry.internal.Rows;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;
import cn.linli.shared.IdNumber;

/** The registry's rules on plain values: documents and their birth dates, membership kinds and dates, care tags. */
class RegistryRulesTest {

    static final LocalDate TODAY = LocalDate.now(Check.CITY_ZONE);

    static String id(String birth, int sequence) {
        String first17 = "230899" + birth + String.format("%03d", sequence);
        return first17 + IdNumber.checkCharacter(first17);
    }

    static Rows.Membership membership(long household, MembershipKind kind, LocalDate from, LocalDate to) {
        return new Rows.Membership(household * 10, 1, household, kind, Relation.HEAD, from, to);
    }

    static String codeOf(Runnable action) {
        try {
            action.run();
        } catch (RejectedRegistryInput e) {
            return e.field() + ":" + e.code();
        }
        return "accepted";
    }

    @Test
    void genderAndBirthDateComeFromTheIdNumberAndMustAgreeWithIt() {
        NewResident taken = new NewResident("张伟", DocumentKind.RESIDENT_ID_CARD, id("19800512", 11), null);
        assertThat(taken.gender()).isEqualTo(Gender.MALE);
        assertThat(taken.birthDate()).isEqualTo(LocalDate.of(1980, 5, 12));
        assertThat(codeOf(() -> new NewResident("张伟", Gender.FEMALE, null, DocumentKind.RESIDENT_ID_CARD,
                id("19800512", 11), null, null, null, null, null))).isEqualTo("gender:registry.error.gender-contradicts-id");
        assertThat(codeOf(() -> new NewResident("张伟", null, LocalDate.of(1980, 5, 13), DocumentKind.RESIDENT_ID_CARD,
                id("19800512", 11), null, null, null, null, null))).isEqualTo("birthDate:registry.error.birth-date-contradicts-id");
    }

    @Test
    void aBadCheckDigitOrPhoneIsRefusedWithTheSharedMessage() {
        String good = id("19800512", 11);
        String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        assertThat(codeOf(() -> new NewResident("张伟", DocumentKind.RESIDENT_ID_CARD, bad, null)))
                .isEqualTo("documentNumber:shared.document.invalid.check-digit");
        assertThat(codeOf(() -> new NewResident("张伟", DocumentKind.RESIDENT_ID_CARD, good, "1234")))
                .isEqualTo("phone:shared.phone.invalid.mobile");
    }

    @Test
    void aPassportHolderNeedsGenderAndBirthDateGiven() {
        assertThat(codeOf(() -> new NewResident("约翰", DocumentKind.PASSPORT, "E12345678", null)))
                .isEqualTo("gender:registry.error.required");
        assertThat(new NewResident("约翰", Gender.MALE, LocalDate.of(1990, 1, 1), DocumentKind.PASSPORT, "e12345678",
                "138 4546 7788", null, null, null, null).phone()).isEqualTo("13845467788");
    }

    @Test
    void aSecondCurrentHouseholdOfTheSameKindIsRefusedButOneOfEachKindIsNot() {
        var residence = new Residence(1, ResidentStatus.ACTIVE,
                List.of(membership(5, MembershipKind.REGISTERED, LocalDate.of(2010, 1, 1), null)));
        assertThat(codeOf(() -> residence.checkJoin(MembershipKind.REGISTERED, TODAY)))
                .isEqualTo("kind:registry.error.same-kind-current");
        assertThat(codeOf(() -> residence.checkJoin(MembershipKind.ACTUAL, TODAY))).isEqualTo("accepted");
    }

    @Test
    void aMoveOutBeforeTheMoveInAndAnOverlapWithHistoryAreRefused() {
        var residence = new Residence(1, ResidentStatus.ACTIVE, List.of(
                membership(4, MembershipKind.ACTUAL, LocalDate.of(2000, 1, 1), LocalDate.of(2015, 6, 1)),
                membership(5, MembershipKind.ACTUAL, LocalDate.of(2015, 6, 1), null)));
        assertThat(codeOf(() -> residence.checkLeave(MembershipKind.ACTUAL, LocalDate.of(2015, 5, 31))))
                .isEqualTo("date:registry.error.move-out-before-move-in");
        assertThat(residence.checkLeave(MembershipKind.ACTUAL, LocalDate.of(2015, 6, 1)).householdId()).isEqualTo(5);
        assertThat(codeOf(() -> residence.checkLeave(MembershipKind.REGISTERED, TODAY)))
                .isEqualTo("kind:registry.error.no-current-household");
        var left = new Residence(1, ResidentStatus.ACTIVE,
                List.of(membership(4, MembershipKind.ACTUAL, LocalDate.of(2000, 1, 1), LocalDate.of(2015, 6, 1))));
        assertThat(codeOf(() -> left.checkJoin(MembershipKind.ACTUAL, LocalDate.of(2015, 5, 1))))
                .isEqualTo("date:registry.error.overlaps-history");
    }

    @Test
    void nothingMoreHappensToADeceasedResident() {
        var residence = new Residence(1, ResidentStatus.DECEASED, List.of());
        assertThat(codeOf(() -> residence.checkJoin(MembershipKind.ACTUAL, TODAY))).isEqualTo("residentId:registry.error.not-active");
        assertThat(codeOf(() -> residence.checkLeaveAll(TODAY))).isEqualTo("residentId:registry.error.not-active");
    }

    @Test
    void aCareTagPastItsValidityIsRefusedAndDisabilityNeedsAGrade() {
        var disabled = new Rows.CareTagType("DISABLED", "残疾人", "Disabled", true, false, "DISABILITY");
        var alone = new Rows.CareTagType("ELDERLY_ALONE", "独居老人", "Alone", false, false, null);
        LocalDate from = TODAY.minusYears(1);
        assertThat(codeOf(() -> CareTagRules.checkNew(alone, null, from, TODAY.minusDays(1), TODAY)))
                .isEqualTo("validTo:registry.error.tag-expired");
        assertThat(codeOf(() -> CareTagRules.checkNew(disabled, null, from, null, TODAY))).isEqualTo("grade:registry.error.grade-required");
        assertThat(codeOf(() -> CareTagRules.checkNew(disabled, 5, from, null, TODAY))).isEqualTo("grade:registry.error.grade-required");
        assertThat(codeOf(() -> CareTagRules.checkNew(alone, 2, from, null, TODAY))).isEqualTo("grade:registry.error.grade-not-applicable");
        assertThat(codeOf(() -> CareTagRules.checkNew(disabled, 2, from, TODAY.plusYears(1), TODAY))).isEqualTo("accepted");
        var ended = new Rows.CareTag(1, 1, "ELDERLY_ALONE", null, from, TODAY.minusDays(3));
        assertThat(codeOf(() -> CareTagRules.checkEnd(ended, TODAY, TODAY))).isEqualTo("tagId:registry.error.tag-expired");
    }

    @Test
    void futureDatesAreRefused() {
        assertThat(codeOf(() -> Check.pastOrToday(TODAY.plusDays(1), "date"))).isEqualTo("date:registry.error.future-date");
        assertThat(codeOf(() -> new NewBuilding("永安小区1号楼", null, null, BuildingType.RESIDENTIAL, 2, 6)))
                .isEqualTo("point:registry.error.building-place");
    }
}
