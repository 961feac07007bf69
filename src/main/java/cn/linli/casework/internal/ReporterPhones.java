package cn.linli.casework.internal;

import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.access.PersonalDataProtection;
import cn.linli.access.ProtectedValue;

/**
 * Shows a reporter's phone in full to a permitted user who gives a reason, with an audit entry naming the case (the
 * access module checks the role and the reason and writes the entry; casework checks the case is in the user's scope).
 */
@Component
public class ReporterPhones {

    private final CaseReading reading;
    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;

    ReporterPhones(CaseReading reading, JdbcClient jdbc, PersonalDataProtection protection) {
        this.reading = reading;
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /**
     * The full phone, empty when the case has none.
     *
     * @throws cn.linli.casework.CaseRuleException (not found) for a case the user may not see
     * @throws cn.linli.access.MissingReasonException without a reason
     * @throws org.springframework.security.access.AccessDeniedException for roles that may not unmask
     */
    public Optional<String> unmask(long caseId, String reason) {
        var view = reading.find(caseId).orElseThrow(() -> Transitions.notFound(caseId));
        return jdbc.sql("select reporter_phone, reporter_phone_index from casework_case where id = :id and reporter_phone is not null")
                .param("id", caseId)
                .query((rs, n) -> ProtectedValue.ofStoredText(rs.getString(1), rs.getString(2)))
                .optional()
                .map(stored -> protection.unmask(stored, "工单 " + view.number(), Intake.REPORTER_PHONE, reason));
    }

    /**
     * The case of that number whose reporter's phone ends with {@code lastDigits}, for a reporter who follows their own
     * case without an account. Nothing is shown or unmasked, so no audit entry; callers limit the attempts.
     */
    public Optional<Long> caseOfReporter(String number, String lastDigits) {
        if (number == null || lastDigits == null || lastDigits.length() != 4) return Optional.empty();
        return jdbc.sql("select id, reporter_phone, reporter_phone_index from casework_case where number = :number"
                        + " and reporter_phone is not null")
                .param("number", number)
                .query((rs, n) -> Map.entry(rs.getLong(1), ProtectedValue.ofStoredText(rs.getString(2), rs.getString(3))))
                .optional()
                .filter(row -> protection.reveal(Intake.REPORTER_PHONE, row.getValue()).endsWith(lastDigits))
                .map(Map.Entry::getKey);
    }
}
