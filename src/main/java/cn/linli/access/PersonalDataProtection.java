package cn.linli.access;

import static cn.linli.access.AuditActions.SENSITIVE_READ;
import static cn.linli.access.AuditActions.SENSITIVE_READ_REFUSED;
import static cn.linli.access.AuditActions.UNMASKED;
import static cn.linli.access.AuditActions.UNMASK_REFUSED;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.internal.crypto.ProtectionSettings;
import cn.linli.access.internal.crypto.Protector;
import cn.linli.shared.IdNumber;
import cn.linli.shared.PhoneNumber;

/**
 * Personal-data protection for every module (PIPL, GB/T 39786): identifiers are stored encrypted with a blind index
 * for exact search, shown masked, and shown in full only to permitted roles, with a reason, in the audit log. Reads
 * of sensitive information are audited the same way.
 * <p>
 * Permissions here are by role; whether the record lies within the actor's jurisdiction is for the calling module to
 * check (through territory) before it calls {@link #unmask} or {@link #auditedRead}, as for any other read.
 */
@Service
public class PersonalDataProtection {

    static final int REASON_MAX = 200;

    private final Protector protector;
    private final ProtectionSettings settings;
    private final CurrentActor actors;
    private final AuditLog audit;
    private final TransactionTemplate sameTransaction;
    private final TransactionTemplate ownTransaction;

    PersonalDataProtection(Protector protector, ProtectionSettings settings, CurrentActor actors, AuditLog audit,
            PlatformTransactionManager transactions) {
        this.protector = protector;
        this.settings = settings;
        this.actors = actors;
        this.audit = audit;
        this.sameTransaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Encrypts a value for storage in the given field, with its blind index. */
    public ProtectedValue protect(PersonalField field, String plaintext) {
        return protector.protect(field, plaintext);
    }

    public ProtectedValue protect(PersonalField field, IdNumber id) {
        return protector.protect(field, id.value());
    }

    public ProtectedValue protect(PersonalField field, PhoneNumber phone) {
        return protector.protect(field, phone.value());
    }

    /**
     * The plaintext, for the system's own use (matching, exports the law requires); not for showing to a user, who
     * sees {@link #revealMasked} or, with a reason, {@link #unmask}.
     *
     * @throws UnreadableProtectedValueException when the value was changed or belongs to another field
     */
    public String reveal(PersonalField field, ProtectedValue value) {
        return protector.reveal(field, value);
    }

    /** The value as users see it by default. */
    public String revealMasked(PersonalField field, ProtectedValue value, Mask mask) {
        return mask.apply(protector.reveal(field, value));
    }

    /** The blind index to look a value up with: {@code where id_number_index = :index}, no decryption. */
    public String blindIndex(PersonalField field, String plaintext) {
        return protector.blindIndex(field, plaintext);
    }

    /** True when the value was made with an older key or another algorithm: {@link #rotate} it. */
    public boolean needsRotation(ProtectedValue value) {
        return protector.needsRotation(value);
    }

    /** The same plaintext encrypted with the current key and algorithm; the caller stores the result. */
    public ProtectedValue rotate(PersonalField field, ProtectedValue value) {
        return protector.protect(field, protector.reveal(field, value));
    }

    /**
     * The value's blind index under the key of another version, for a planned change of the blind-index key: every
     * stored index is recomputed with this, then {@code linli.protection.blind-index-version} is switched. Not done
     * automatically, because searches find nothing between the two steps.
     */
    public String reindex(PersonalField field, ProtectedValue value, int blindIndexVersion) {
        return protector.blindIndex(blindIndexVersion, field, protector.reveal(field, value));
    }

    /** Whether the acting user holds the permission, e.g. to offer an unmask button at all. */
    public boolean may(Permission permission) {
        return actors.find().map(actor -> actor.roles().stream().anyMatch(settings.rolesWith(permission)::contains))
                .orElse(false);
    }

    /**
     * The full value, for a permitted user with a reason, written to the audit log in the caller's transaction.
     *
     * @param subject which record, as staff would name it (e.g. "resident 4711, 永安社区"), never the value itself
     * @throws MissingReasonException  without a reason
     * @throws AccessDeniedException   for roles without {@link Permission#UNMASK} (the refusal is audited too)
     */
    public String unmask(ProtectedValue value, String subject, PersonalField field, String reason) {
        String why = requireText(reason, "reason", "access.protection.reasonRequired", "a reason is required to see the full value");
        requirePermission(Permission.UNMASK, UNMASK_REFUSED, subject, "field=" + field);
        return sameTransaction.execute(status -> {
            String plaintext = protector.reveal(field, value);
            audit.record(UNMASKED, subject, "field=" + field + "; reason=" + why);
            return plaintext;
        });
    }

    /**
     * Records that sensitive personal information about a subject is read, and for what purpose; call it before
     * showing or exporting the information, in the same transaction as the read.
     *
     * @throws MissingReasonException without a purpose
     * @throws AccessDeniedException  for roles without {@link Permission#READ_SENSITIVE} (the refusal is audited too)
     */
    public void auditedRead(String subject, SensitiveCategory category, String purpose) {
        String why = requireText(purpose, "purpose", "access.protection.purposeRequired", "the purpose of the read is required");
        requirePermission(Permission.READ_SENSITIVE, SENSITIVE_READ_REFUSED, subject, "category=" + category);
        sameTransaction.executeWithoutResult(status -> audit.record(SENSITIVE_READ, subject,
                "category=" + category + "; purpose=" + why));
    }

    private void requirePermission(Permission permission, String refusal, String subject, String detail) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("say which record is read: the audit log must name it");
        }
        if (!may(permission)) {
            // its own transaction: the caller's rolls back with the exception, the record of the attempt must stay
            ownTransaction.executeWithoutResult(status -> audit.record(refusal, subject, detail));
            throw new AccessDeniedException("the roles of the acting user do not include " + permission);
        }
    }

    private static String requireText(String text, String field, String code, String englishMessage) {
        if (text == null || text.isBlank()) {
            throw new MissingReasonException(field, code, englishMessage);
        }
        if (text.strip().length() > REASON_MAX) {
            throw new MissingReasonException(field, "access.protection.reasonTooLong",
                    "the " + field + " must not be longer than " + REASON_MAX + " characters", REASON_MAX);
        }
        return text.strip();
    }
}
