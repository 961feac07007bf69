package cn.linli.knowledge.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.knowledge.KnowledgeBase;
import cn.linli.knowledge.KnowledgeEditing;
import cn.linli.knowledge.KnowledgeEntry;
import cn.linli.knowledge.KnowledgeEntryConflict;
import cn.linli.knowledge.KnowledgeInputRejected;
import cn.linli.knowledge.internal.DraftRules;
import cn.linli.knowledge.internal.SynonymGroups;

/**
 * The knowledge-base pages for staff: search and the list with stale entries flagged, an entry with its versions,
 * and for editors the forms to write, revise and retire entries and to edit the synonyms. A rejected form comes back
 * as typed with the reason at its field (400), a conflicting revision with the newer version to compare (409).
 */
@Controller
@RequestMapping("/knowledge")
class KnowledgePages {

    private final KnowledgeBase knowledge;
    private final KnowledgeEditing editing;
    private final CurrentActor actors;
    private final MessageSource messages;

    KnowledgePages(KnowledgeBase knowledge, KnowledgeEditing editing, CurrentActor actors, MessageSource messages) {
        this.knowledge = knowledge;
        this.editing = editing;
        this.actors = actors;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(required = false) boolean stale, @RequestParam(required = false) boolean retired, Model model) {
        List<String> categories = DraftRules.parseCodes(category);
        boolean searching = (q != null && !q.isBlank()) || !categories.isEmpty();
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("stale", stale);
        model.addAttribute("retired", retired);
        model.addAttribute("searching", searching);
        if (searching) {
            model.addAttribute("hits", knowledge.searchAll(q, categories, knowledge.maxResults()));
        } else {
            model.addAttribute("entries", knowledge.list(stale, retired));
        }
        model.addAttribute("knowledge", knowledge);
        model.addAttribute("canEdit", KnowledgeEditing.mayEdit(actors.current()));
        return "knowledge/list";
    }

    /**
     * The answers for the front desk and other pages: a fragment, loaded while the description is typed. The desk's
     * own field names (description, categoryCode) are taken as well, so its form fields can be sent as they are.
     */
    @GetMapping("/suggestions")
    String suggestions(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(required = false) String description, @RequestParam(required = false) String categoryCode,
            Model model) {
        String text = q != null ? q : description;
        String codes = category != null ? category : categoryCode;
        model.addAttribute("hits", knowledge.answers(text, DraftRules.parseCodes(codes), 5));
        return "knowledge/suggestions :: answers";
    }

    @GetMapping("/new")
    String newEntry(Model model) {
        requireEditor();
        model.addAttribute("form", EntryForm.blank(UUID.randomUUID().toString()));
        return "knowledge/new";
    }

    @PostMapping
    String create(@ModelAttribute EntryForm form, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            KnowledgeEntry entry = editing.create(actors.current(), form.draft(), form.requestKey());
            redirect.addFlashAttribute("notice", messages.getMessage("knowledge.notice.created", null, locale));
            return "redirect:/knowledge/" + entry.id();
        } catch (KnowledgeInputRejected rejected) {
            response.setStatus(400);
            model.addAttribute("form", form);
            rejection(rejected, locale, model);
            return "knowledge/new";
        }
    }

    @GetMapping("/{id}")
    String entry(@PathVariable long id, Model model, HttpServletResponse response) {
        KnowledgeEntry entry = knowledge.find(id).orElse(null);
        if (entry == null) {
            response.setStatus(404);
            return "knowledge/missing";
        }
        show(entry, EntryForm.of(entry), model);
        return "knowledge/entry";
    }

    @PostMapping("/{id}")
    String revise(@PathVariable long id, @ModelAttribute EntryForm form, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            editing.revise(actors.current(), id, form.requiredVersion(), form.draft());
            redirect.addFlashAttribute("notice", messages.getMessage("knowledge.notice.saved", null, locale));
            return "redirect:/knowledge/" + id;
        } catch (KnowledgeInputRejected rejected) {
            response.setStatus(400);
            rejection(rejected, locale, model);
            return again(id, form, model, response);
        } catch (KnowledgeEntryConflict conflict) {
            return conflict(conflict, id, form, locale, model, response);
        }
    }

    @PostMapping("/{id}/retire")
    String retire(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            editing.retire(actors.current(), id, EntryForm.requiredVersion(version), reason);
            redirect.addFlashAttribute("notice", messages.getMessage("knowledge.notice.retired", null, locale));
            return "redirect:/knowledge/" + id;
        } catch (KnowledgeInputRejected rejected) {
            response.setStatus(400);
            rejection(rejected, locale, model);
            return again(id, null, model, response);
        } catch (KnowledgeEntryConflict conflict) {
            return conflict(conflict, id, null, locale, model, response);
        }
    }

    @GetMapping("/synonyms")
    String synonyms(Model model) {
        model.addAttribute("text", SynonymGroups.format(knowledge.synonyms()));
        model.addAttribute("canEdit", KnowledgeEditing.mayEdit(actors.current()));
        return "knowledge/synonyms";
    }

    @PostMapping("/synonyms")
    String saveSynonyms(@RequestParam(required = false) String text, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            List<List<String>> groups = editing.replaceSynonyms(actors.current(), text);
            redirect.addFlashAttribute("notice", messages.getMessage("knowledge.notice.synonyms", new Object[] {groups.size()}, locale));
            return "redirect:/knowledge/synonyms";
        } catch (KnowledgeInputRejected rejected) {
            response.setStatus(400);
            rejection(rejected, locale, model);
            model.addAttribute("text", text);
            model.addAttribute("canEdit", true);
            return "knowledge/synonyms";
        }
    }

    private String again(long id, EntryForm form, Model model, HttpServletResponse response) {
        KnowledgeEntry entry = knowledge.find(id).orElse(null);
        if (entry == null) {
            response.setStatus(404);
            return "knowledge/missing";
        }
        show(entry, form == null ? EntryForm.of(entry) : form, model);
        return "knowledge/entry";
    }

    private String conflict(KnowledgeEntryConflict conflict, long id, EntryForm form, Locale locale, Model model,
            HttpServletResponse response) {
        if (conflict.kind() == KnowledgeEntryConflict.Kind.NOT_FOUND) {
            response.setStatus(404);
            return "knowledge/missing";
        }
        response.setStatus(409);
        model.addAttribute("problem", messages.getMessage(conflict.messageKey(), new Object[] {id}, locale));
        return again(id, form, model, response);
    }

    private void show(KnowledgeEntry entry, EntryForm form, Model model) {
        model.addAttribute("entry", entry);
        model.addAttribute("zone", KnowledgeBase.CITY_ZONE);
        model.addAttribute("stale", knowledge.isStale(entry));
        model.addAttribute("versions", knowledge.history(entry.id()));
        model.addAttribute("form", form);
        model.addAttribute("canEdit", KnowledgeEditing.mayEdit(actors.current()) && !entry.retired());
    }

    private void rejection(KnowledgeInputRejected rejected, Locale locale, Model model) {
        String message = messages.getMessage(rejected, locale);
        model.addAttribute("problem", message);
        model.addAttribute("problemField", rejected.field());
    }

    private void requireEditor() {
        Actor actor = actors.current();
        if (!KnowledgeEditing.mayEdit(actor)) {
            throw new org.springframework.security.access.AccessDeniedException("knowledge-base editors only");
        }
    }
}
