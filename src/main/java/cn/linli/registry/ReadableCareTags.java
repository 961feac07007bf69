package cn.linli.registry;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.linli.access.PersonalDataProtection;
import cn.linli.access.Permission;
import cn.linli.access.SensitiveCategory;
import cn.linli.registry.internal.CareTagStore;
import cn.linli.registry.internal.Rows;

/**
 * The care tags a reader may see. Sensitive kinds (社区矫正, 戒毒康复, or whatever the configurable list marks
 * sensitive) only for roles with {@link Permission#READ_SENSITIVE}, and each read of them is audited under its
 * {@link SensitiveCategory}, in the reading transaction.
 */
@Component
class ReadableCareTags {

    static final String CARD_PURPOSE = "居民档案查看 (resident card)";

    private final CareTagStore tags;
    private final PersonalDataProtection protection;

    ReadableCareTags(CareTagStore tags, PersonalDataProtection protection) {
        this.tags = tags;
        this.protection = protection;
    }

    List<Rows.CareTagType> types() {
        return tags.types();
    }

    /** The resident's tags; sensitive ones only for READ_SENSITIVE roles, each category read recorded once. */
    List<CareTagView> of(long residentId) {
        return of(residentId, CARD_PURPOSE);
    }

    /** The same, the sensitive reads recorded with the purpose given. */
    List<CareTagView> of(long residentId, String purpose) {
        Map<String, Rows.CareTagType> types = tags.types().stream()
                .collect(Collectors.toMap(Rows.CareTagType::code, Function.identity()));
        boolean maySeeSensitive = protection.may(Permission.READ_SENSITIVE);
        List<Rows.CareTag> visible = tags.ofResident(residentId).stream()
                .filter(t -> maySeeSensitive || !types.get(t.typeCode()).sensitive()).toList();
        visible.stream().map(t -> types.get(t.typeCode())).filter(Rows.CareTagType::sensitive)
                .map(t -> t.category() == null ? SensitiveCategory.CORRECTION : SensitiveCategory.valueOf(t.category()))
                .distinct().forEach(category -> protection.auditedRead("resident " + residentId, category, purpose));
        return visible.stream().map(t -> {
            Rows.CareTagType type = types.get(t.typeCode());
            return new CareTagView(t.id(), type.code(), type.nameZh(), type.nameEn(), type.sensitive(), t.grade(),
                    t.validFrom(), t.validTo());
        }).toList();
    }
}
