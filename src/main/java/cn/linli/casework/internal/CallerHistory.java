package cn.linli.casework.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.access.PersonalDataProtection;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseState;
import cn.linli.casework.CaseSummary;
import cn.linli.shared.InvalidPhoneNumberException;
import cn.linli.shared.PhoneNumber;

/**
 * A caller's earlier cases, found by the blind index of their phone number (exact match, no decryption), newest
 * first and within the user's scope. The number is normalised as intake normalises it, so "0454-8123456" and
 * "04548123456" find the same cases.
 */
@Component
public class CallerHistory {

    private static final int MAX = 20;

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;
    private final CaseScopes scopes;

    CallerHistory(JdbcClient jdbc, PersonalDataProtection protection, CaseScopes scopes) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.scopes = scopes;
    }

    /** The number as typed, parsed; a bad number is refused as intake would refuse it. */
    public static PhoneNumber phone(String text) {
        try {
            return PhoneNumber.parse(text == null ? "" : text.strip());
        } catch (InvalidPhoneNumberException e) {
            throw CaseRuleException.invalid("reporterPhone", "case.error.phone");
        }
    }

    public List<CaseSummary> of(PhoneNumber phone) {
        CaseScope scope = scopes.current();
        return jdbc.sql("""
                select c.id, c.number, c.state, c.title, c.category_code, c.received_at from casework_case c
                where c.reporter_phone_index = :index and """ + " " + scope.condition() + " order by c.received_at desc, c.id desc fetch first " + MAX + " rows only")
                .param("index", protection.blindIndex(Intake.REPORTER_PHONE, phone.value()))
                .param("scope", scope.parameter())
                .query((rs, n) -> new CaseSummary(rs.getLong("id"), rs.getString("number"), CaseState.valueOf(rs.getString("state")),
                        rs.getString("title"), rs.getString("category_code"), Cases.instant(rs, "received_at")))
                .list();
    }
}
