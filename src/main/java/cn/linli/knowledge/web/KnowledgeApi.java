package cn.linli.knowledge.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.linli.access.CurrentActor;
import cn.linli.knowledge.EntryDraft;
import cn.linli.knowledge.KnowledgeBase;
import cn.linli.knowledge.KnowledgeEditing;
import cn.linli.knowledge.KnowledgeEntry;
import cn.linli.knowledge.KnowledgeEntryConflict;
import cn.linli.knowledge.KnowledgeHit;
import cn.linli.knowledge.internal.DraftRules;

/**
 * The knowledge base as JSON: answers for a question (valid today), an entry and its versions, and for editors
 * creating (idempotent with an {@code Idempotency-Key} header), revising (with the version read, 409 when another was
 * saved meanwhile) and retiring entries. Bad input: 400 in the common error format.
 */
@RestController
@RequestMapping("/api/knowledge")
@Tag(name = "Knowledge base", description = "Hotline knowledge base (知识库)")
class KnowledgeApi {

    private final KnowledgeBase knowledge;
    private final KnowledgeEditing editing;
    private final CurrentActor actors;

    KnowledgeApi(KnowledgeBase knowledge, KnowledgeEditing editing, CurrentActor actors) {
        this.knowledge = knowledge;
        this.editing = editing;
        this.actors = actors;
    }

    /** A search result as JSON; the two HTML fields are escaped text with {@code <mark>} around matched words. */
    record AnswerJson(EntryJson entry, String questionHtml, String snippetHtml, float score) {
    }

    record EntryJson(long id, int version, String question, String answer, List<String> categoryCodes,
            String sourceDocument, LocalDate validFrom, LocalDate validTo, String ownerDepartment, boolean retired,
            boolean stale, String changedBy, String changedAt, String changeNote) {
    }

    record Revision(Integer version, String question, String answer, List<String> categoryCodes, String sourceDocument,
            LocalDate validFrom, LocalDate validTo, String ownerDepartment, String changeNote) {
    }

    record Retirement(Integer version, String reason) {
    }

    @GetMapping("/answers")
    @Operation(summary = "Answers valid today for a question, best first; category codes (minor or major) rank their entries first")
    List<AnswerJson> answers(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "10") int limit) {
        return knowledge.answers(q, DraftRules.parseCodes(category), limit).stream().map(this::json).toList();
    }

    @GetMapping("/entries/{id}")
    @Operation(summary = "An entry's current version")
    EntryJson entry(@PathVariable long id) {
        return json(knowledge.find(id).orElseThrow(() -> new KnowledgeEntryConflict(KnowledgeEntryConflict.Kind.NOT_FOUND, id)));
    }

    @GetMapping("/entries/{id}/versions")
    @Operation(summary = "Every version of an entry, newest first")
    List<EntryJson> versions(@PathVariable long id) {
        List<KnowledgeEntry> versions = knowledge.history(id);
        if (versions.isEmpty()) {
            throw new KnowledgeEntryConflict(KnowledgeEntryConflict.Kind.NOT_FOUND, id);
        }
        return versions.stream().map(this::json).toList();
    }

    @PostMapping("/entries")
    @Operation(summary = "Create an entry (editors); a retry with the same Idempotency-Key returns the first entry")
    ResponseEntity<EntryJson> create(@RequestBody EntryDraft draft,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return ResponseEntity.status(HttpStatus.CREATED).body(json(editing.create(actors.current(), draft, key)));
    }

    @PutMapping("/entries/{id}")
    @Operation(summary = "Save the next version of an entry (editors); 409 when the given version is no longer current")
    EntryJson revise(@PathVariable long id, @RequestBody Revision revision) {
        EntryDraft draft = new EntryDraft(revision.question(), revision.answer(), revision.categoryCodes(),
                revision.sourceDocument(), revision.validFrom(), revision.validTo(), revision.ownerDepartment(),
                revision.changeNote());
        return json(editing.revise(actors.current(), id, EntryForm.requiredVersion(revision.version()), draft));
    }

    @PostMapping("/entries/{id}/retire")
    @Operation(summary = "Retire an entry with a reason (editors)")
    EntryJson retire(@PathVariable long id, @RequestBody Retirement retirement) {
        return json(editing.retire(actors.current(), id, EntryForm.requiredVersion(retirement.version()), retirement.reason()));
    }

    private AnswerJson json(KnowledgeHit hit) {
        return new AnswerJson(json(hit.entry()), hit.questionHtml(), hit.snippetHtml(), hit.score());
    }

    private EntryJson json(KnowledgeEntry e) {
        return new EntryJson(e.id(), e.version(), e.question(), e.answer(), e.categoryCodes(), e.sourceDocument(),
                e.validFrom(), e.validTo(), e.ownerDepartment(), e.retired(), knowledge.isStale(e), e.changedBy(),
                e.changedAt().toString(), e.changeNote());
    }
}
