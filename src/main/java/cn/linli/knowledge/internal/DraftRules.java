package cn.linli.knowledge.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import cn.linli.knowledge.EntryDraft;
import cn.linli.knowledge.KnowledgeInputRejected;

/**
 * The rules an entry must meet before anything is stored: every field within its length, at least one category
 * code in the catalogue's form (two letters and two, four or six digits: FW07, FW0701), an end date not before the
 * start date. Text is trimmed and category codes upper-cased and de-duplicated.
 */
public final class DraftRules {

    public static final int QUESTION_MAX = 500;
    public static final int ANSWER_MAX = 8_000;
    public static final int SOURCE_MAX = 300;
    public static final int OWNER_MAX = 100;
    public static final int NOTE_MAX = 500;
    public static final int CATEGORIES_MAX = 20;
    private static final Pattern CATEGORY = Pattern.compile("[A-Z]{2}(\\d{2}){1,3}");
    /** Control characters other than line breaks and tabs have no place in an answer read out on the phone. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    private DraftRules() {
    }

    public static EntryDraft checked(EntryDraft draft) {
        String question = required("question", draft.question(), QUESTION_MAX);
        String answer = required("answer", draft.answer(), ANSWER_MAX);
        String owner = required("ownerDepartment", draft.ownerDepartment(), OWNER_MAX);
        String source = optional("sourceDocument", draft.sourceDocument(), SOURCE_MAX);
        String note = optional("changeNote", draft.changeNote(), NOTE_MAX);
        List<String> codes = categoryCodes(draft.categoryCodes());
        if (draft.validFrom() == null) {
            throw new KnowledgeInputRejected("validFrom", "knowledge.rejected.valid-from.missing");
        }
        if (draft.validTo() != null && draft.validTo().isBefore(draft.validFrom())) {
            throw new KnowledgeInputRejected("validTo", "knowledge.rejected.valid-to.before-from", draft.validTo(),
                    draft.validFrom());
        }
        return new EntryDraft(question, answer, codes, source, draft.validFrom(), draft.validTo(), owner, note);
    }

    /** Splits "FW0701, fw0702；SJ01" into codes: commas (also full-width), semicolons and white space separate them. */
    public static List<String> parseCodes(String text) {
        List<String> codes = new ArrayList<>();
        if (text == null) {
            return codes;
        }
        for (String part : text.split("[,，;；、\\s]+")) {
            if (!part.isBlank()) {
                codes.add(part.strip());
            }
        }
        return codes;
    }

    private static List<String> categoryCodes(List<String> raw) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : raw) {
            if (code == null || code.isBlank()) {
                continue;
            }
            String normalised = code.strip().toUpperCase(Locale.ROOT);
            if (!CATEGORY.matcher(normalised).matches()) {
                throw new KnowledgeInputRejected("categoryCodes", "knowledge.rejected.category.invalid", code.strip());
            }
            codes.add(normalised);
        }
        if (codes.isEmpty()) {
            throw new KnowledgeInputRejected("categoryCodes", "knowledge.rejected.category.missing");
        }
        if (codes.size() > CATEGORIES_MAX) {
            throw new KnowledgeInputRejected("categoryCodes", "knowledge.rejected.category.too-many", CATEGORIES_MAX);
        }
        return List.copyOf(codes);
    }

    private static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw new KnowledgeInputRejected(field, "knowledge.rejected.missing");
        }
        return text;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new KnowledgeInputRejected(field, "knowledge.rejected.too-long", max, text.length());
        }
        if (CONTROL.matcher(text).find()) {
            throw new KnowledgeInputRejected(field, "knowledge.rejected.control-characters");
        }
        return text;
    }
}
