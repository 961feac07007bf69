package cn.linli.knowledge;

import java.time.LocalDate;
import java.util.List;

/** What an editor writes: a new entry or the next version of one. Checked by {@link KnowledgeEditing}. */
public record EntryDraft(String question, String answer, List<String> categoryCodes, String sourceDocument,
        LocalDate validFrom, LocalDate validTo, String ownerDepartment, String changeNote) {

    public EntryDraft {
        categoryCodes = categoryCodes == null ? List.of() : List.copyOf(categoryCodes);
    }
}
