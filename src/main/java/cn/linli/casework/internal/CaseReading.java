package cn.linli.casework.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.access.Mask;
import cn.linli.access.PersonalDataProtection;
import cn.linli.access.ProtectedValue;
import cn.linli.casework.CaseState;
import cn.linli.casework.CaseView;
import cn.linli.casework.Channel;
import cn.linli.casework.Satisfaction;

/** Reads cases for the user who asks, within their scope, with the reporter's phone masked. */
@Component
public class CaseReading {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CaseActors actors;
    private final PersonalDataProtection protection;

    CaseReading(JdbcClient jdbc, Cases cases, CaseActors actors, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.actors = actors;
        this.protection = protection;
    }

    public Optional<Long> idByNumber(String number) {
        return cases.idByNumber(number);
    }

    public Optional<CaseView> find(long id) {
        var stored = cases.load(id);
        if (stored.isEmpty()) return Optional.empty();
        var where = stored.get().whereabouts();
        if (!actors.maySee(actors.current(where.place()), where.units())) return Optional.empty();
        var timeline = cases.lines(id).stream().map(l -> new CaseView.Entry(l.id(), l.record().action(), l.record().from(),
                l.record().to(), l.record().unitId(), l.record().actor(), l.record().at(), l.record().note(),
                l.record().oldDeadline(), l.record().newDeadline())).toList();
        // the co-handlers (协办) of the current dispatch, read with the units above (those of earlier dispatches have
        // an end); never by a query in the row mapper below: outside a transaction that takes a second pooled
        // connection while the first is held, and under load every connection ends up waiting for another
        var coHandlers = stored.get().aCase().snapshot().coUnits().stream().sorted().toList();
        return jdbc.sql("select * from casework_case where id = :id").param("id", id)
                .query((rs, n) -> {
                    String phone = rs.getString("reporter_phone");
                    String satisfaction = rs.getString("satisfaction");
                    return new CaseView(id, rs.getString("number"), rs.getLong("version"), CaseState.valueOf(rs.getString("state")),
                            rs.getString("request_type"), Channel.valueOf(rs.getString("channel")), rs.getString("category_code"),
                            rs.getBoolean("urgent"), rs.getString("title"), rs.getString("description"),
                            (Double) rs.getObject("lng", Double.class), (Double) rs.getObject("lat", Double.class), rs.getString("address"),
                            (Long) rs.getObject("grid_id", Long.class), (Long) rs.getObject("community_id", Long.class),
                            rs.getString("reporter_name"),
                            phone == null ? null : protection.revealMasked(Intake.REPORTER_PHONE, ProtectedValue.ofStoredText(phone, rs.getString("reporter_phone_index")), Mask.PHONE),
                            rs.getBoolean("anonymous"), rs.getBoolean("confidential"), (Long) rs.getObject("main_unit", Long.class),
                            coHandlers,
                            Cases.instant(rs, "deadline"), Cases.instant(rs, "requested_deadline"), Cases.instant(rs, "received_at"),
                            (Long) rs.getObject("merged_into", Long.class), satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
                            timeline);
                })
                .optional();
    }
}
