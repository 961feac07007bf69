package cn.linli.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.WKBWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import cn.linli.territory.internal.BoundaryStore;
import cn.linli.territory.internal.LocateIndex;
import cn.linli.territory.internal.demo.DemoGeography;

/**
 * Locate over all grid polygons of the demo city, random points inside the city, one thread (one core): Linli's
 * index (raster in front of an STRtree of prepared polygons), the STRtree alone, a linear scan with an envelope pre-check over the same prepared
 * polygons, and PostGIS ST_Covers with a GiST index over JDBC, one query per point. Run with bench/locate.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class LocateBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final int POINTS = 1 << 16;

    private LocateIndex index;
    private List<BoundaryStore.StoredBoundary> grids;
    private PreparedGeometry[] linear;
    private Envelope[] envelopes;
    private double[] lng = new double[POINTS];
    private double[] lat = new double[POINTS];
    private int next;
    private Connection postgis;
    private PreparedStatement covers;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        DemoGeography geography = DemoGrids.geography();
        grids = DemoGrids.gridBoundaries(geography);
        index = new LocateIndex(grids);
        linear = new PreparedGeometry[grids.size()];
        envelopes = new Envelope[grids.size()];
        for (int i = 0; i < grids.size(); i++) {
            linear[i] = PreparedGeometryFactory.prepare(grids.get(i).geometry());
            envelopes[i] = grids.get(i).geometry().getEnvelopeInternal();
        }
        randomPointsInside(DemoGrids.city(geography));
        if (Boolean.parseBoolean(System.getProperty("linli.bench.postgis", "true"))) connectPostgis();
    }

    private void randomPointsInside(Geometry city) {
        var random = new SplittableRandom(42);
        Envelope extent = city.getEnvelopeInternal();
        PreparedGeometry inside = PreparedGeometryFactory.prepare(city);
        int n = 0;
        while (n < POINTS) {
            double x = extent.getMinX() + random.nextDouble() * extent.getWidth();
            double y = extent.getMinY() + random.nextDouble() * extent.getHeight();
            if (inside.covers(city.getFactory().createPoint(new Coordinate(x, y)))) {
                lng[n] = x;
                lat[n] = y;
                n++;
            }
        }
    }

    private void connectPostgis() throws SQLException {
        String url = System.getProperty("linli.bench.postgis.url", "jdbc:postgresql://127.0.0.1:5432/linli_bench");
        postgis = DriverManager.getConnection(url, System.getProperty("linli.bench.postgis.user", "postgres"), "");
        try (var statement = postgis.createStatement()) {
            statement.execute("create extension if not exists postgis");
            statement.execute("drop table if exists bench_grid");
            statement.execute("create table bench_grid (id bigint primary key, geom geometry(Geometry, 4326) not null)");
        }
        var wkb = new WKBWriter(2);
        try (var insert = postgis.prepareStatement("insert into bench_grid values (?, ST_SetSRID(ST_GeomFromWKB(?), 4326))")) {
            for (BoundaryStore.StoredBoundary grid : grids) {
                insert.setLong(1, grid.unitId());
                insert.setBytes(2, wkb.write(grid.geometry()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (var statement = postgis.createStatement()) {
            statement.execute("create index bench_grid_geom on bench_grid using gist (geom)");
            statement.execute("analyze bench_grid");
        }
        covers = postgis.prepareStatement(
                "select id from bench_grid where ST_Covers(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326)) limit 1");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        if (postgis != null) postgis.close();
    }

    private int nextPoint() {
        int i = next;
        next = (i + 1) & (POINTS - 1);
        return i;
    }

    /** Linli's index: the raster first, the STRtree of prepared polygons where a boundary crosses the cell. */
    @Benchmark
    public long locateIndex() {
        int i = nextPoint();
        return index.locate(lng[i], lat[i], TODAY);
    }

    /** The STRtree of prepared polygons alone. */
    @Benchmark
    public long strtreeOfPreparedPolygons() {
        int i = nextPoint();
        return index.locateByTree(lng[i], lat[i], TODAY);
    }

    @Benchmark
    public long linearScanWithEnvelopeCheck() {
        int i = nextPoint();
        double x = lng[i];
        double y = lat[i];
        var point = BoundaryStore.WGS84.createPoint(new Coordinate(x, y));
        for (int k = 0; k < linear.length; k++) {
            if (envelopes[k].contains(x, y) && linear[k].covers(point)) return grids.get(k).unitId();
        }
        return -1;
    }

    @Benchmark
    public long postgisStCoversGist() throws SQLException {
        if (covers == null) return -1;
        int i = nextPoint();
        covers.setDouble(1, lng[i]);
        covers.setDouble(2, lat[i]);
        try (ResultSet rs = covers.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** Rebuilding the index after a boundary change (all grid polygons prepared and inserted). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public LocateIndex rebuildIndex() {
        return new LocateIndex(new ArrayList<>(grids));
    }
}
