package cn.linli.registry;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.linli.registry.internal.CareTagStore;
import cn.linli.registry.internal.Rows;

/** Adding and ending care tags, within a {@link Registry} operation. */
@Component
class CareTags {

    private final RegistryGuard guard;
    private final CareTagStore tags;

    CareTags(RegistryGuard guard, CareTagStore tags) {
        this.guard = guard;
        this.tags = tags;
    }

    long add(long residentId, String typeCode, Integer grade, LocalDate from, LocalDate to) {
        Check.pastOrToday(from, "validFrom");
        Rows.CareTagType type = tags.type(Check.text(typeCode, "type", 32))
                .orElseThrow(() -> new RejectedRegistryInput("type", "registry.error.unknown-tag-type", typeCode));
        var resident = guard.resident(residentId);
        if (resident.status() != ResidentStatus.ACTIVE) {
            throw new RejectedRegistryInput("residentId", "registry.error.not-active", residentId);
        }
        CareTagRules.checkNew(type, grade, from, to, LocalDate.now(Check.CITY_ZONE));
        long id = tags.insert(residentId, type.code(), grade, from, to);
        guard.audit("CARE_TAG_ADDED", "resident " + residentId, "tag=" + id + "; type=" + type.code());
        return id;
    }

    void end(long tagId, LocalDate on) {
        Check.pastOrToday(on, "date");
        Rows.CareTag tag = tags.find(tagId)
                .orElseThrow(() -> new RejectedRegistryInput("tagId", "registry.error.unknown-tag", tagId));
        try {
            guard.resident(tag.residentId());
        } catch (RejectedRegistryInput outOfScope) {
            throw new RejectedRegistryInput("tagId", "registry.error.unknown-tag", tagId);
        }
        CareTagRules.checkEnd(tag, on, LocalDate.now(Check.CITY_ZONE));
        tags.end(tagId, on);
        guard.audit("CARE_TAG_ENDED", "resident " + tag.residentId(), "tag=" + tagId + "; type=" + tag.typeCode() + "; on=" + on);
    }
}
