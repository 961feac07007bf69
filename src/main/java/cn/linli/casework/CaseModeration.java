package cn.linli.casework;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.linli.access.AuditLog;
import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.casework.internal.Moderation;

/**
 * Staff moderation of what residents publish (FixMyStreet's lesson: moderate and redact photos): district and city
 * staff, within their jurisdiction, hide a photo from the public or replace the public description with a redacted
 * text, e.g. when a reporter named a neighbour or photographed a face. The case keeps the original for the staff;
 * {@link PublicCases} applies the moderation, so the resident portal and Open311 both show the moderated version.
 * Every change is in the audit log.
 */
@Service
public class CaseModeration {

    private final Moderation moderation;
    private final CurrentActor actors;
    private final AuditLog audit;

    CaseModeration(Moderation moderation, CurrentActor actors, AuditLog audit) {
        this.moderation = moderation;
        this.actors = actors;
        this.audit = audit;
    }

    /** The cases residents filed on the portal (channel WEB) in the user's jurisdiction, newest first. */
    public List<ModeratedCase> portalCases(int limit) {
        requireModerator();
        return moderation.byChannel(Channel.WEB.name(), Math.max(1, Math.min(limit, 500)));
    }

    /** Shows {@code text} in public instead of the reporter's description; blank shows the reporter's own again. */
    public void redactDescription(long caseId, String text) {
        requireModerator();
        String redacted = text == null || text.isBlank() ? null : text.strip();
        moderation.redact(caseId, redacted, actors.current().username());
        audit.record(redacted == null ? "CASE_PUBLIC_TEXT_RESTORED" : "CASE_PUBLIC_TEXT_REDACTED", "case " + caseId, null);
    }

    /** Hides a photo of the case from the public, or shows it again. */
    public void hidePhoto(long caseId, long attachmentId, boolean hidden) {
        requireModerator();
        moderation.hidePhoto(caseId, attachmentId, hidden, actors.current().username());
        audit.record(hidden ? "CASE_PHOTO_HIDDEN" : "CASE_PHOTO_SHOWN", "case " + caseId, "photo " + attachmentId);
    }

    private void requireModerator() {
        var actor = actors.current();
        if (!actor.hasRole(Role.CITY_ADMIN) && !actor.hasRole(Role.DISTRICT_STAFF)) {
            throw CaseRuleException.forbidden("moderation.error.not-allowed");
        }
    }
}
