package cn.linli.casework;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A case as the moderation page lists it: what the reporter wrote, the redacted text the public sees instead (null:
 * none), its photos and which of them are hidden from the public.
 */
public record ModeratedCase(long id, String number, String categoryCode, CaseState state, Instant receivedAt,
        String description, String redacted, List<CaseAttachment> photos, Set<Long> hidden) {

    public ModeratedCase {
        photos = List.copyOf(photos);
        hidden = Set.copyOf(hidden);
    }
}
