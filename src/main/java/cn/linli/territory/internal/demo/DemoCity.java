package cn.linli.territory.internal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.linli.access.AccessManagement;
import cn.linli.shared.DivisionCode;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.NewUnit;
import cn.linli.territory.ReorganisationKind;
import cn.linli.territory.SnapshotImports;
import cn.linli.territory.UnitType;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.territory.internal.TerritoryState;
import cn.linli.territory.internal.TerritoryTransactions;

/**
 * The demo city, loaded on the first start when {@code linli.demo.enabled} is true: the official 2016 list, then
 * the 2023 list through the same comparison a reviewer would use (so 前进区's communities keep their identity when
 * they move under the restored streets), then synthetic grids and boundaries around the real centre points, and
 * the demo logins.
 */
@Component
@ConditionalOnProperty(name = "linli.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoCity implements ApplicationRunner {

    static final LocalDate LIST_2016 = LocalDate.of(2016, 7, 31);
    static final LocalDate LIST_2023 = LocalDate.of(2023, 6, 30);
    private static final long SEED = 20170824L;
    private static final Logger LOG = LoggerFactory.getLogger(DemoCity.class);

    private final SnapshotImports snapshots;
    private final TerritoryState state;
    private final TerritoryTransactions transactions;
    private final BoundaryStore boundaries;
    private final JdbcTemplate jdbc;
    private final AccessManagement access;
    private final Environment environment;

    DemoCity(SnapshotImports snapshots, TerritoryState state, TerritoryTransactions transactions, BoundaryStore boundaries,
            JdbcTemplate jdbc, AccessManagement access, Environment environment) {
        this.snapshots = snapshots;
        this.state = state;
        this.transactions = transactions;
        this.boundaries = boundaries;
        this.jdbc = jdbc;
        this.access = access;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (state.history().isEmpty()) {
            long started = System.nanoTime();
            load();
            LOG.info("Demo city loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        if (access.userCount() == 0) DemoLogins.create(access, state.asOf(null));
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        LOG.info("""

                ==========================================================================
                  Linli is running: http://localhost:{}/
                  Demo city: 佳木斯市, official codes of 2016 and 2023, synthetic boundaries.
                  Demo logins:{}
                ==========================================================================""", port, DemoLogins.describe());
    }

    void load() {
        long t0 = System.nanoTime();
        snapshots.applyRows(SnapshotImports.read(bytes("jiamusi-divisions-2016.csv")), LIST_2016, List.of(), "国家统计局 2016 年统计用区划代码");
        long t1 = System.nanoTime();
        snapshots.applyRows(SnapshotImports.read(bytes("jiamusi-divisions-2023.csv")), LIST_2023, List.of(), "国家统计局 2023 年统计用区划代码");
        long t2 = System.nanoTime();
        DivisionTree tree = state.asOf(LIST_2023);
        DemoNode city = DemoTree.build(tree, centresByUnit(tree));
        DemoGeography geography = new SyntheticGeography(SEED).generate(city);
        long t3 = System.nanoTime();
        LOG.info("timing 2016 {} ms, 2023 {} ms, geometry {} ms", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        transactions.run(ReorganisationKind.BOUNDARIES, LIST_2023, "演示数据：合成网格与边界", op -> {
            List<BoundaryStore.NewBoundary> shapes = new ArrayList<>();
            List<Object[]> households = new ArrayList<>();
            geography.boundaries().forEach((code, geometry) ->
                    tree.findByCode(code).ifPresent(unit -> shapes.add(new BoundaryStore.NewBoundary(unit.id(), geometry))));
            geography.gridsByCommunity().forEach((code, grids) -> {
                Division community = tree.findByCode(code).orElseThrow();
                for (DemoGrid grid : grids) {
                    var gridCode = new DivisionCode(code + String.format("%03d", grid.sequence()));
                    long id = op.territory().create(new NewUnit(gridCode, community.name() + "第" + grid.sequence() + "网格",
                            UnitType.GENERAL_GRID, null, community.id()), LIST_2023, op.id());
                    shapes.add(new BoundaryStore.NewBoundary(id, grid.boundary()));
                    households.add(new Object[] {id, grid.households(), "demo"});
                }
            });
            op.territory().flush();
            boundaries.save(shapes, LIST_2023, true, op.id());
            jdbc.batchUpdate("insert into territory_grid_households (unit_id, households, source) values (?, ?, ?)", households);
            return null;
        });
    }

    /** The 2016 centre points, attached to the units that carried those codes in 2016 (they may be recoded since). */
    private Map<Long, double[]> centresByUnit(DivisionTree tree2023) {
        DivisionTree tree2016 = state.asOf(LIST_2016);
        Map<Long, double[]> byUnit = new java.util.HashMap<>();
        CentrePointsFile.read(stream("jiamusi-divisions-2016.csv")).forEach((code, point) ->
                tree2016.findByCode(code).ifPresent(unit -> byUnit.put(unit.id(), point)));
        byUnit.keySet().retainAll(tree2023.all().stream().map(Division::id).toList());
        return byUnit;
    }

    private static byte[] bytes(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String name) {
        try {
            return new ClassPathResource("territory/demo/" + name).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
