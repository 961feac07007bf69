package cn.linli.knowledge.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.linli.knowledge.EntryDraft;
import cn.linli.knowledge.KnowledgeEntry;
import cn.linli.knowledge.KnowledgeInputRejected;
import cn.linli.knowledge.internal.DraftRules;

/**
 * The entry form as typed: text fields kept as strings so that a rejected form comes back exactly as it was sent.
 * Category codes are one text field ("FW0701, FW0702").
 */
public record EntryForm(String question, String answer, String categoryCodes, String sourceDocument, String validFrom,
        String validTo, String ownerDepartment, String changeNote, Integer version, String requestKey) {

    static EntryForm blank(String requestKey) {
        return new EntryForm("", "", "", "", LocalDate.now(cn.linli.knowledge.KnowledgeBase.CITY_ZONE).toString(), "", "",
                "", null, requestKey);
    }

    static EntryForm of(KnowledgeEntry entry) {
        return new EntryForm(entry.question(), entry.answer(), String.join(", ", entry.categoryCodes()),
                entry.sourceDocument() == null ? "" : entry.sourceDocument(), entry.validFrom().toString(),
                entry.validTo() == null ? "" : entry.validTo().toString(), entry.ownerDepartment(), "", entry.version(), null);
    }

    EntryDraft draft() {
        return new EntryDraft(question, answer, DraftRules.parseCodes(categoryCodes), sourceDocument,
                date("validFrom", validFrom), date("validTo", validTo), ownerDepartment, changeNote);
    }

    int requiredVersion() {
        return requiredVersion(version);
    }

    /** The version the editor saw, which a revision or retirement must name. */
    static int requiredVersion(Integer version) {
        if (version == null || version < 1) {
            throw new KnowledgeInputRejected("version", "knowledge.rejected.version.missing");
        }
        return version;
    }

    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new KnowledgeInputRejected(field, "knowledge.rejected.date", text.strip());
        }
    }
}
