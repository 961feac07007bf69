package cn.linli.knowledge;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.linli.knowledge.internal.EntryStore;
import cn.linli.knowledge.internal.KnowledgeSettings;
import cn.linli.knowledge.internal.SearchIndex;

/**
 * Reading the knowledge base: the answers for a question (only entries valid today, for the desk and the portal),
 * the same search over every entry that is not retired (for editors), an entry, its versions, and the list with
 * stale entries flagged.
 */
@Service
public class KnowledgeBase {

    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final SearchIndex index;
    private final EntryStore store;
    private final KnowledgeSettings settings;

    KnowledgeBase(SearchIndex index, EntryStore store, KnowledgeSettings settings) {
        this.index = index;
        this.store = store;
        this.settings = settings;
    }

    /** Answers valid today, best first; the category codes (minor or major) put their own entries first. */
    public List<KnowledgeHit> answers(String text, Collection<String> categoryCodes, int limit) {
        return index.search(text, categoryCodes, today(), capped(limit));
    }

    /** Every entry that is not retired, whatever its validity, best first. */
    public List<KnowledgeHit> searchAll(String text, Collection<String> categoryCodes, int limit) {
        return index.search(text, categoryCodes, null, capped(limit));
    }

    public Optional<KnowledgeEntry> find(long id) {
        return store.find(id);
    }

    /** Every version, newest first; empty for an unknown id. */
    public List<KnowledgeEntry> history(long id) {
        return store.history(id);
    }

    /** All entries, newest change first; retired ones only when asked, stale ones only when asked. */
    public List<KnowledgeEntry> list(boolean staleOnly, boolean withRetired) {
        LocalDate today = today();
        return store.all().stream()
                .filter(entry -> withRetired || !entry.retired())
                .filter(entry -> !staleOnly || isStale(entry, today))
                .sorted(Comparator.comparing(KnowledgeEntry::changedAt).reversed())
                .toList();
    }

    public boolean isStale(KnowledgeEntry entry) {
        return isStale(entry, today());
    }

    public List<List<String>> synonyms() {
        return store.synonyms();
    }

    public int maxResults() {
        return settings.maxResults();
    }

    private boolean isStale(KnowledgeEntry entry, LocalDate today) {
        return entry.staleOn(today, settings.reviewAfter(), CITY_ZONE);
    }

    private int capped(int limit) {
        return Math.max(1, Math.min(limit, settings.maxResults()));
    }

    private static LocalDate today() {
        return LocalDate.now(CITY_ZONE);
    }
}
