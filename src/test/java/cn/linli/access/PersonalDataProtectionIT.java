package cn.linli.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.internal.SignedInUser;
import cn.linli.access.internal.UserAccounts;
import cn.linli.shared.IdNumber;
import cn.linli.testing.IntegrationTest;

/** Unmasking and sensitive reads as the demo users do them: permitted roles only, with a reason, always audited. */
@IntegrationTest
class PersonalDataProtectionIT {

    static final PersonalField ID_NUMBER = new PersonalField("registry.resident.id_number");

    @Autowired PersonalDataProtection protection;
    @Autowired AuditLog audit;
    @Autowired UserAccounts accounts;
    @Autowired MessageSource messages;
    @Autowired TransactionTemplate transactions;

    final String subject = "resident " + UUID.randomUUID();
    ProtectedValue value;

    @BeforeEach
    void protectAnIdNumber() {
        value = protection.protect(ID_NUMBER, IdNumber.parse("11010519491231002x"));
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void streetStaffSeeTheFullNumberWithAReasonAndTheAuditLogSaysWhoWhatAndWhy() {
        actAs("yongan");

        String plain = protection.unmask(value, subject, ID_NUMBER, "  核实低保申请人身份  ");

        assertThat(plain).isEqualTo("11010519491231002X");
        AuditEntry entry = only(AuditActions.UNMASKED);
        assertThat(entry.actor()).isEqualTo("yongan");
        assertThat(entry.subject()).isEqualTo(subject);
        assertThat(entry.detail()).isEqualTo("field=registry.resident.id_number; reason=核实低保申请人身份")
                .doesNotContain("11010519491231002X");
        assertThat(protection.may(Permission.UNMASK)).isTrue();
    }

    @Test
    void withoutAReasonNothingIsShownAndTheUserIsToldInTheirLanguage() {
        actAs("yongan");

        assertThatThrownBy(() -> protection.unmask(value, subject, ID_NUMBER, "   "))
                .isInstanceOfSatisfying(MissingReasonException.class, e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(messages.getMessage(e, Locale.SIMPLIFIED_CHINESE)).isEqualTo("请填写查看完整信息的理由。");
                    assertThat(messages.getMessage(e, Locale.ENGLISH)).isEqualTo("Please give the reason for seeing the full value.");
                });
        assertThat(entries(AuditActions.UNMASKED)).isEmpty();
    }

    @Test
    void gridWorkersMayNotUnmaskAndTheAttemptIsRecorded() {
        actAs("wanggeyuan");

        assertThat(protection.may(Permission.UNMASK)).isFalse();
        assertThatThrownBy(() -> protection.unmask(value, subject, ID_NUMBER, "走访核实"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(entries(AuditActions.UNMASKED)).isEmpty();
        assertThat(only(AuditActions.UNMASK_REFUSED).actor()).isEqualTo("wanggeyuan");
    }

    @Test
    void theAuditRecordIsPartOfTheCallersTransaction() {
        actAs("yongan-sq");

        transactions.executeWithoutResult(status -> {
            protection.unmask(value, subject, ID_NUMBER, "办理居住证明");
            status.setRollbackOnly();
        });
        assertThat(entries(AuditActions.UNMASKED)).isEmpty();

        transactions.executeWithoutResult(status -> protection.unmask(value, subject, ID_NUMBER, "办理居住证明"));
        assertThat(only(AuditActions.UNMASKED).actor()).isEqualTo("yongan-sq");
    }

    @Test
    void readsOfSensitiveInformationAreAuditedWithTheirPurpose() {
        actAs("qianjin");
        protection.auditedRead(subject, SensitiveCategory.DISABILITY, "残疾人两项补贴复核");
        assertThat(only(AuditActions.SENSITIVE_READ).detail()).isEqualTo("category=DISABILITY; purpose=残疾人两项补贴复核");

        assertThatThrownBy(() -> protection.auditedRead(subject, SensitiveCategory.HEALTH, ""))
                .isInstanceOfSatisfying(MissingReasonException.class, e -> assertThat(e.field()).isEqualTo("purpose"));

        actAs("wanggeyuan");
        assertThatThrownBy(() -> protection.auditedRead(subject, SensitiveCategory.CORRECTION, "走访"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(only(AuditActions.SENSITIVE_READ_REFUSED).detail()).isEqualTo("category=CORRECTION");
    }

    @Test
    void theBlindIndexFindsAValueWithoutDecryption() {
        assertThat(value.blindIndex()).isEqualTo(protection.blindIndex(ID_NUMBER, "11010519491231002x"));
        assertThat(protection.revealMasked(ID_NUMBER, value, Mask.ID_NUMBER)).isEqualTo("1101**********002X");
        assertThat(protection.needsRotation(value)).isFalse();
    }

    private void actAs(String username) {
        SignedInUser user = SignedInUser.of(accounts.findByUsername(username).orElseThrow());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private java.util.List<AuditEntry> entries(String action) {
        return audit.search(new AuditQuery(null, action, subject, null, null), 0, 10).entries();
    }

    private AuditEntry only(String action) {
        assertThat(entries(action)).hasSize(1);
        return entries(action).get(0);
    }
}
