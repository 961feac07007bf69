package cn.linli.casework.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.casework.CategoriesChanged;
import cn.linli.casework.Category;
import cn.linli.casework.CategoryException;

/**
 * Loads the default catalogue on the first start, when the catalogue is empty, whether or not the demo is on: a city
 * needs categories before the first case. Starting again, or a second instance starting at the same time, loads
 * nothing more.
 */
@Component
class DefaultCatalogue implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultCatalogue.class);

    private final CategoryStore store;
    private final CatalogueState state;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DefaultCatalogue(CategoryStore store, CatalogueState state, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.store = store;
        this.state = state;
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!store.isEmpty()) return;
        List<Category> categories = checked(rows());
        try {
            transactions.executeWithoutResult(status -> {
                if (!store.isEmpty()) return;
                Instant now = CatalogueWrites.now(null);
                for (Category c : categories) {
                    Category version = c.asVersion(1, now);
                    store.insertCode(version.code(), now);
                    store.insertVersion(version, "system", "default catalogue");
                }
                events.publishEvent(new CategoriesChanged("*", CategoriesChanged.Change.DEFAULTS_LOADED, 1, now));
            });
            LOG.info("Loaded the default case category catalogue: {} categories", categories.size());
        } catch (DuplicateKeyException e) {
            LOG.info("Another instance has just loaded the default case category catalogue");
        }
        state.reload();
    }

    /** Each row through the catalogue rules, against the rows before it, as if an administrator had entered them. */
    static List<Category> checked(List<CatalogueFile.Row> rows) {
        List<Category> accepted = new ArrayList<>();
        Instant at = Instant.EPOCH;
        for (CatalogueFile.Row row : rows) {
            try {
                accepted.add(CategoryRules.forNew(row.draft(), new CatalogueHistory(accepted)).asVersion(1, at));
            } catch (CategoryException e) {
                throw new IllegalStateException(CatalogueFile.RESOURCE + " line " + row.line() + ": " + e.getMessage(), e);
            }
        }
        return accepted;
    }

    static List<CatalogueFile.Row> rows() {
        try (InputStream in = new ClassPathResource(CatalogueFile.RESOURCE).getInputStream()) {
            return CatalogueFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
