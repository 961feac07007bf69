package cn.linli.knowledge;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.Actor;
import cn.linli.access.Role;
import cn.linli.knowledge.internal.DraftRules;
import cn.linli.knowledge.internal.EntryStore;
import cn.linli.knowledge.internal.IndexMaintenance;
import cn.linli.knowledge.internal.KnowledgeSaved;
import cn.linli.knowledge.internal.SynonymGroups;

/**
 * Changing the knowledge base: new entries, revisions (each a new version, refused when someone saved another
 * version meanwhile), retiring an entry with a reason, and the synonym list. Editors are the city's administrators
 * (the hotline centre) and department staff, who own the answers about their services. Bad input is refused before
 * anything is written.
 */
@Service
public class KnowledgeEditing {

    private final EntryStore store;
    private final IndexMaintenance index;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    KnowledgeEditing(EntryStore store, IndexMaintenance index, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.index = index;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public static boolean mayEdit(Actor actor) {
        return actor != null && (actor.hasRole(Role.CITY_ADMIN) || actor.hasRole(Role.DEPARTMENT_STAFF));
    }

    /**
     * A new entry at version 1. A retry with the same {@code requestKey} (a form's token, an API client's
     * Idempotency-Key) returns the entry the first attempt made instead of a second one.
     */
    public KnowledgeEntry create(Actor actor, EntryDraft draft, String requestKey) {
        requireEditor(actor);
        EntryDraft checked = DraftRules.checked(draft);
        String key = requestKey == null || requestKey.isBlank() ? null : requestKey.strip();
        if (key != null && key.length() > 100) {
            throw new KnowledgeInputRejected("requestKey", "knowledge.rejected.too-long", 100, key.length());
        }
        if (key != null) {
            var earlier = store.findByRequestKey(key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return transactions.execute(status -> {
                long id = store.insert(checked, actor.username(), key);
                saved(id);
                return store.find(id).orElseThrow();
            });
        } catch (DuplicateKeyException raced) {
            // the same request arrived twice at once: the other attempt's entry is the one
            return store.findByRequestKey(key).orElseThrow(() -> raced);
        }
    }

    /** The next version of the entry, from the version the editor saw. */
    public KnowledgeEntry revise(Actor actor, long id, int seenVersion, EntryDraft draft) {
        requireEditor(actor);
        EntryDraft checked = DraftRules.checked(draft);
        return transactions.execute(status -> {
            KnowledgeEntry current = current(id);
            if (current.retired()) {
                throw new KnowledgeInputRejected(null, "knowledge.rejected.retired", id);
            }
            write(id, seenVersion, checked, false, actor);
            return store.find(id).orElseThrow();
        });
    }

    /** Takes the entry out of every search; the reason is kept with the retiring version. */
    public KnowledgeEntry retire(Actor actor, long id, int seenVersion, String reason) {
        requireEditor(actor);
        if (reason == null || reason.isBlank()) {
            throw new KnowledgeInputRejected("changeNote", "knowledge.rejected.reason.missing");
        }
        return transactions.execute(status -> {
            KnowledgeEntry current = current(id);
            if (current.retired()) {
                throw new KnowledgeInputRejected(null, "knowledge.rejected.retired", id);
            }
            EntryDraft draft = DraftRules.checked(new EntryDraft(current.question(), current.answer(),
                    current.categoryCodes(), current.sourceDocument(), current.validFrom(), current.validTo(),
                    current.ownerDepartment(), reason));
            write(id, seenVersion, draft, true, actor);
            return store.find(id).orElseThrow();
        });
    }

    /** Replaces the synonym list with the groups of the text, one group per line. */
    public List<List<String>> replaceSynonyms(Actor actor, String text) {
        requireEditor(actor);
        List<List<String>> groups = SynonymGroups.parse(text);
        transactions.executeWithoutResult(status -> {
            store.replaceSynonyms(groups, actor.username());
            events.publishEvent(new KnowledgeSaved(null));
            index.announce();
        });
        return groups;
    }

    private KnowledgeEntry current(long id) {
        return store.find(id).orElseThrow(() -> new KnowledgeEntryConflict(KnowledgeEntryConflict.Kind.NOT_FOUND, id));
    }

    private void write(long id, int seenVersion, EntryDraft draft, boolean retired, Actor actor) {
        if (!store.update(id, seenVersion, draft, retired, actor.username())) {
            throw new KnowledgeEntryConflict(KnowledgeEntryConflict.Kind.CHANGED, id);
        }
        saved(id);
    }

    private void saved(long id) {
        events.publishEvent(new KnowledgeSaved(id));
        index.announce();
    }

    private static void requireEditor(Actor actor) {
        if (!mayEdit(actor)) {
            throw new AccessDeniedException("knowledge-base changes need a city administrator or department staff");
        }
    }
}
