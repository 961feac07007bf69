package cn.linli.knowledge.internal.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import cn.linli.access.Actor;
import cn.linli.access.Jurisdiction;
import cn.linli.access.Role;
import cn.linli.knowledge.EntryDraft;
import cn.linli.knowledge.KnowledgeEditing;
import cn.linli.knowledge.internal.DraftRules;
import cn.linli.knowledge.internal.EntryStore;

/**
 * The demo city's hotline knowledge base: about thirty everyday questions (heating, water, welfare, certificates,
 * neighbour disputes, urban management) with answers in the form call-takers use, tagged with the default
 * catalogue's categories; one entry has run out, so the stale flag shows. Loaded through the editing service, so the
 * demo entries pass the same checks as any other. Only into an empty knowledge base.
 */
@Component
@ConditionalOnProperty(name = "linli.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoKnowledge {

    private static final Logger log = LoggerFactory.getLogger(DemoKnowledge.class);
    private static final Actor LOADER = new Actor(0, "system", "演示数据", Set.of(Role.CITY_ADMIN), Jurisdiction.wholeCity());

    private final EntryStore store;
    private final KnowledgeEditing editing;

    DemoKnowledge(EntryStore store, KnowledgeEditing editing) {
        this.store = store;
        this.editing = editing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (store.count() > 0) {
            return;
        }
        List<EntryDraft> drafts = read();
        for (int i = 0; i < drafts.size(); i++) {
            editing.create(LOADER, drafts.get(i), "demo-" + (i + 1));
        }
        log.info("Demo knowledge base: {} entries", drafts.size());
    }

    static List<EntryDraft> read() {
        List<EntryDraft> drafts = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("knowledge/demo-entries.tsv").getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split("\t", -1);
                drafts.add(new EntryDraft(f[0], f[1], DraftRules.parseCodes(f[2]), f[3], LocalDate.parse(f[5]),
                        f[6].isBlank() ? null : LocalDate.parse(f[6]), f[4], "演示数据"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return drafts;
    }
}
