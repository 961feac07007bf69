package cn.linli.casework.catalogue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.casework.Categories;
import cn.linli.casework.CategoriesChanged;
import cn.linli.casework.Category;
import cn.linli.casework.CategoryCode;
import cn.linli.casework.CategoryException;
import cn.linli.cluster.ClusterSignals;

/**
 * Writes a category change in one transaction: checks it against the committed catalogue, ends the version in force,
 * records the new one, publishes {@link CategoriesChanged} and signals the other instances; the catalogue in memory
 * is replaced only after commit, so a refused or rolled-back change leaves everything as it was.
 */
@Component
public class CatalogueWrites {

    private final CategoryStore store;
    private final CatalogueState state;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ClusterSignals signals;

    CatalogueWrites(CategoryStore store, CatalogueState state, TransactionTemplate transactions,
            ApplicationEventPublisher events, ClusterSignals signals) {
        this.store = store;
        this.state = state;
        this.transactions = transactions;
        this.events = events;
        this.signals = signals;
    }

    public synchronized Category create(Categories.Draft draft) {
        Category content = CategoryRules.forNew(draft, state.history());
        return write(() -> {
            Category version = content.asVersion(1, now(null));
            try {
                store.insertCode(version.code(), version.validFrom());
            } catch (DuplicateKeyException e) {
                // Another instance added the code since this one last loaded the catalogue.
                throw new CategoryException("code", "casework.error.code-duplicate", version.code().value());
            }
            store.insertVersion(version, actorName(), note(draft.note()));
            return changed(version, CategoriesChanged.Change.CREATED);
        });
    }

    public synchronized Category update(CategoryCode code, Categories.Draft draft) {
        Category content = CategoryRules.forUpdate(code, draft, state.history());
        Category latest = state.history().latest(code).orElseThrow();
        return replace(latest, content, note(draft.note()), CategoriesChanged.Change.UPDATED);
    }

    /** Retires a minor class, or a major one whose minor classes are all retired or moved. */
    public synchronized Category retire(CategoryCode code, String note) {
        Category latest = state.history().latest(code).orElseThrow(() -> CategoryException.notFound(code.value()));
        if (latest.retired()) throw new CategoryException("code", "casework.error.retired", code.value());
        if (latest.isMajor() && !state.current().minorsOf(code).isEmpty()) {
            throw new CategoryException("code", "casework.error.retire-has-minors", code.value());
        }
        return replace(latest, latest.asRetired(), note(note), CategoriesChanged.Change.RETIRED);
    }

    private Category replace(Category latest, Category content, String note, CategoriesChanged.Change change) {
        return write(() -> {
            Category version = content.asVersion(latest.version() + 1, now(latest.validFrom()));
            if (!store.advance(latest.code(), latest.version())) {
                state.reload();
                throw new CategoryException("code", "casework.error.concurrent", latest.code().value());
            }
            store.endVersion(latest.code(), version.validFrom());
            store.insertVersion(version, actorName(), note);
            return changed(version, change);
        });
    }

    private Category write(Supplier<Category> change) {
        return transactions.execute(status -> change.get());
    }

    private Category changed(Category version, CategoriesChanged.Change change) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // Registered before the event is published, so listeners after commit see the new catalogue.
                state.reload();
            }
        });
        events.publishEvent(new CategoriesChanged(version.code().value(), change, version.version(), version.validFrom()));
        signals.signal(CatalogueState.SIGNAL);
        return version;
    }

    /**
     * Now, to the microsecond the databases store, and after the version it replaces, so that versions never
     * overlap even when two changes fall in the same microsecond.
     */
    static Instant now(Instant after) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return after != null && !now.isAfter(after) ? after.plus(1, ChronoUnit.MICROS) : now;
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    static String actorName() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
    }
}
