package cn.linli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

import cn.linli.shared.DivisionLevel;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.territory.internal.demo.DemoGeography;
import cn.linli.territory.internal.demo.DemoGrid;
import cn.linli.territory.internal.demo.DemoNode;
import cn.linli.territory.internal.demo.SyntheticGeography;
import cn.linli.territory.internal.snapshot.SnapshotRow;
import cn.linli.territory.SnapshotImports;

/** The demo city's grid polygons, generated exactly as the application does, without a database. */
final class DemoGrids {

    static final long SEED = 20170824L;

    private DemoGrids() {
    }

    static DemoGeography geography() {
        List<SnapshotRow> rows = SnapshotImports.read(bytes("jiamusi-divisions-2023.csv"));
        Map<String, double[]> centres = centres2016();
        Map<String, List<SnapshotRow>> children = new HashMap<>();
        SnapshotRow city = null;
        for (SnapshotRow row : rows) {
            if (row.level() == DivisionLevel.CITY) city = row;
            else children.computeIfAbsent(row.parentCode().value(), k -> new ArrayList<>()).add(row);
        }
        return new SyntheticGeography(SEED).generate(node(city, children, centres));
    }

    static List<BoundaryStore.StoredBoundary> gridBoundaries(DemoGeography geography) {
        List<BoundaryStore.StoredBoundary> grids = new ArrayList<>();
        long id = 1;
        for (List<DemoGrid> list : geography.gridsByCommunity().values()) {
            for (DemoGrid grid : list) {
                grids.add(new BoundaryStore.StoredBoundary(id++, LocalDate.of(2023, 6, 30), null, grid.boundary(), true));
            }
        }
        return grids;
    }

    static Geometry city(DemoGeography geography) {
        return geography.boundaries().get("230800000000");
    }

    private static DemoNode node(SnapshotRow row, Map<String, List<SnapshotRow>> children, Map<String, double[]> centres) {
        double[] centre = centres.get(row.code().value());
        if (centre == null) centre = centres.get(row.name());
        List<DemoNode> kids = children.getOrDefault(row.code().value(), List.of()).stream()
                .map(child -> node(child, children, centres)).toList();
        return new DemoNode(row.code().value(), row.level(), row.name(), centre == null ? null : centre[0],
                centre == null ? null : centre[1], kids);
    }

    private static Map<String, double[]> centres2016() {
        Map<String, double[]> centres = new HashMap<>();
        String[] lines = new String(bytes("jiamusi-divisions-2016.csv"), java.nio.charset.StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].strip().split(",", -1);
            if (f.length >= 7 && !f[5].isBlank()) {
                double[] point = {Double.parseDouble(f[5]), Double.parseDouble(f[6])};
                centres.put(f[0], point);
                centres.putIfAbsent(f[1], point);
            }
        }
        return centres;
    }

    private static byte[] bytes(String name) {
        try (InputStream in = DemoGrids.class.getResourceAsStream("/territory/demo/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
