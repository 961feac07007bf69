package cn.linli.registry.internal.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.registry.internal.ReadAhead;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.GridStandard;
import cn.linli.territory.TerritoryQueries;

/**
 * The demo registry: 永安社区 filled completely (every grid with as many households as the demo territory
 * gave it, so grid bands stay realistic), all rows flagged synthetic. With {@code linli.demo.registry=city} the
 * whole city instead (every community of every grid, about 800,000 households and 2.1 million residents), for
 * benchmarks: communities are generated and encrypted one ahead of the one being written (see {@link ReadAhead}),
 * all in one transaction, so an interrupted load leaves an empty registry and the next start loads it again.
 * Runs when the application is ready, after the demo city and logins (an application runner) and after the demo
 * organisation (order 1), on a registry that is still empty, so nothing entered by hand is touched.
 */
@Component
@ConditionalOnProperty(name = "linli.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoRegistry {

    /**
     * 永安社区, the demo logins' community. One community keeps the first start fast (about 1,100 households and 2,400
     * residents); the full city for benchmarks is {@code linli.demo.registry=city}.
     */
    static final List<String> COMMUNITIES = List.of("230804007001");
    static final int DEFAULT_HOUSEHOLDS = 250;
    private static final long SEED = 20260301L;
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(DemoRegistry.class);

    private final TerritoryQueries territory;
    private final GridStandard gridStandard;
    private final DemoWriter writer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final boolean city;

    DemoRegistry(TerritoryQueries territory, GridStandard gridStandard, DemoWriter writer, JdbcClient jdbc,
            TransactionTemplate transactions, @Value("${linli.demo.registry:community}") String extent) {
        this.territory = territory;
        this.gridStandard = gridStandard;
        this.writer = writer;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.city = "city".equalsIgnoreCase(extent.strip());
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void load() {
        if (jdbc.sql("select count(*) from registry_building").query(Integer.class).single() > 0) return;
        long started = System.nanoTime();
        DivisionTree tree = territory.tree(null);
        LocalDate today = LocalDate.now(CITY_ZONE);
        var population = new DemoPopulation(SEED, today, city ? DemoPopulation.Families.CITY : DemoPopulation.Families.COMMUNITY);
        List<Division> communities = city ? tree.atLevel(DivisionLevel.COMMUNITY)
                : COMMUNITIES.stream().flatMap(code -> tree.findByCode(code).stream()).toList();
        Map<Long, Integer> households = gridStandard.allHouseholds();
        int[] counts = transactions.execute(status -> {
            int[] written = new int[3];
            try (var batches = new ReadAhead<DemoWriter.Batch>("demo-registry", 2, next -> {
                for (Division community : communities) {
                    List<DemoWriter.Block> blocks = blocksOf(tree, community, population, households);
                    if (!blocks.isEmpty()) next.accept(writer.prepare(blocks));
                }
            })) {
                for (var batch = batches.next(); batch != null; batch = batches.next()) {
                    int[] done = writer.write(batch, today);
                    written[0] += batch.blocks().size();
                    written[1] += done[0];
                    written[2] += done[1];
                    if (city && written[0] / 2000 != (written[0] - batch.blocks().size()) / 2000) {
                        LOG.info("Demo registry: {} households, {} residents so far", written[1], written[2]);
                    }
                }
            }
            return written;
        });
        if (counts[0] == 0) return;
        LOG.info("Demo registry: {} buildings, {} households, {} residents (synthetic) in {} ms", counts[0], counts[1],
                counts[2], (System.nanoTime() - started) / 1_000_000);
    }

    /** Buildings of 6 floors, 2 units and 2 rooms a floor, until each grid of the community has its households. */
    private List<DemoWriter.Block> blocksOf(DivisionTree tree, Division community, DemoPopulation population,
            Map<Long, Integer> households) {
        List<DemoWriter.Block> blocks = new ArrayList<>();
        List<Division> grids = tree.children(community.id()).stream().filter(Division::isGrid)
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
        int number = 1;
        for (Division grid : grids) {
            int wanted = households.getOrDefault(grid.id(), DEFAULT_HOUSEHOLDS);
            while (wanted > 0) {
                int inBuilding = Math.min(wanted, 24);
                List<DemoPopulation.Home> homes = new ArrayList<>();
                for (int i = 0; i < inBuilding; i++) homes.add(population.household());
                blocks.add(new DemoWriter.Block(community.name() + number + "号楼", grid.id(), 2, 6, homes));
                wanted -= inBuilding;
                number++;
            }
        }
        return blocks;
    }
}
