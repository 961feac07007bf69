package cn.linli.open311.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.casework.OutsideNotes;

/** The notes Open311 clients added to a case (servicerequestupdates), for the staff's case page, named by client. */
@Component
class ClientNotesForStaff implements OutsideNotes {

    private final JdbcClient jdbc;

    ClientNotesForStaff(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Note> of(long caseId) {
        return jdbc.sql("select c.name, u.description, u.media_url, u.at from open311_update u"
                        + " join open311_client c on c.id = u.client_id where u.case_id = :id order by u.id")
                .param("id", caseId)
                .query((rs, n) -> new Note(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }
}
