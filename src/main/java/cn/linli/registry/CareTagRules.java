package cn.linli.registry;

import java.time.LocalDate;

import cn.linli.registry.internal.Rows;

/**
 * The rules of a care tag: a grade exactly for graded kinds (disability grades 1–4, GB/T 26341), a period that
 * ends after it starts, and no tag that has already run out: a tag records care needed now, an expired one belongs
 * to history and would only make lists wrong.
 */
final class CareTagRules {

    private CareTagRules() {
    }

    static void checkNew(Rows.CareTagType type, Integer grade, LocalDate from, LocalDate to, LocalDate today) {
        if (type.graded() && (grade == null || grade < 1 || grade > 4)) {
            throw new RejectedRegistryInput("grade", "registry.error.grade-required");
        }
        if (!type.graded() && grade != null) {
            throw new RejectedRegistryInput("grade", "registry.error.grade-not-applicable");
        }
        if (to != null && to.isBefore(from)) {
            throw new RejectedRegistryInput("validTo", "registry.error.tag-ends-before-start", from);
        }
        if (to != null && !to.isAfter(today)) {
            throw new RejectedRegistryInput("validTo", "registry.error.tag-expired", to);
        }
    }

    static void checkEnd(Rows.CareTag tag, LocalDate on, LocalDate today) {
        if (tag.validTo() != null && !tag.validTo().isAfter(today)) {
            throw new RejectedRegistryInput("tagId", "registry.error.tag-expired", tag.validTo());
        }
        if (on.isBefore(tag.validFrom())) {
            throw new RejectedRegistryInput("date", "registry.error.tag-ends-before-start", tag.validFrom());
        }
    }
}
