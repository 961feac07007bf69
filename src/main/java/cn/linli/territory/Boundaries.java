package cn.linli.territory;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

import cn.linli.access.Jurisdiction;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.internal.BoundaryCatalog;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.territory.internal.TerritoryTransactions;
import cn.linli.territory.internal.geo.BoundaryFeature;
import cn.linli.territory.internal.geo.BoundaryFinding;
import cn.linli.territory.internal.geo.BoundaryReport;
import cn.linli.territory.internal.geo.BoundaryValidator;
import cn.linli.territory.internal.geo.CoordinateSystem;
import cn.linli.territory.internal.geo.FeatureRef;
import cn.linli.territory.internal.geo.GeoJsonProblem;
import cn.linli.territory.internal.geo.GeoJsonReadResult;
import cn.linli.territory.internal.geo.GeoJsonReader;
import cn.linli.territory.internal.geo.GeoJsonWriter;
import cn.linli.territory.internal.geo.GeoMessage;
import cn.linli.territory.internal.geo.SourceCrs;

/**
 * Boundaries per level: GeoJSON export (WGS84, or GCJ-02 for maps with such tiles) and import. An import is
 * validated as a whole before anything is applied — every feature a unit of that level on that date, valid
 * polygons, each inside its parent, siblings (the file's and those already stored) not overlapping — and a file
 * with an error changes nothing. Gaps inside a parent are reported as warnings.
 */
@Service
public class Boundaries {

    private final BoundaryCatalog catalog;
    private final BoundaryStore store;
    private final TerritoryQueries territory;
    private final TerritoryTransactions transactions;
    private final double toleranceSquareMetres;

    Boundaries(BoundaryCatalog catalog, BoundaryStore store, TerritoryQueries territory, TerritoryTransactions transactions,
            org.springframework.core.env.Environment environment) {
        this.catalog = catalog;
        this.store = store;
        this.territory = territory;
        this.transactions = transactions;
        this.toleranceSquareMetres = environment.getProperty("linli.territory.boundary-tolerance-m2", Double.class, 1.0);
    }

    /** Writes the boundaries of a level on a date within a jurisdiction (and an optional envelope) as GeoJSON. */
    public int export(DivisionLevel level, LocalDate date, Jurisdiction jurisdiction, Envelope within, boolean gcj02, OutputStream out) {
        DivisionTree tree = territory.tree(date);
        int count = 0;
        try (GeoJsonWriter writer = GeoJsonWriter.open(out, gcj02 ? CoordinateSystem.GCJ02 : CoordinateSystem.WGS84)) {
            for (BoundaryStore.StoredBoundary boundary : catalog.at(level, tree.date(), within)) {
                Optional<Division> unit = tree.find(boundary.unitId());
                if (unit.isEmpty() || !tree.covers(jurisdiction, boundary.unitId())) continue;
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("id", String.valueOf(unit.get().id()));
                properties.put("level", level.name());
                properties.put("type", unit.get().type().name());
                properties.put("synthetic", String.valueOf(boundary.synthetic()));
                writer.write(new BoundaryFeature(unit.get().code().value(), unit.get().name(), boundary.geometry(), properties));
                count++;
            }
        }
        return count;
    }

    /** The outcome of an import: problems reading the file, validation findings, and what was saved. */
    public record ImportOutcome(List<GeoJsonProblem> problems, List<BoundaryFinding> errors, List<BoundaryFinding> warnings,
            int saved, Long operationId) {

        public boolean applied() {
            return operationId != null;
        }
    }

    public ImportOutcome importGeoJson(DivisionLevel level, InputStream in, SourceCrs crs, LocalDate date, String note) {
        if (date == null) throw new TerritoryException("date", "territory.error.date-required");
        DivisionTree tree = territory.tree(date);
        GeoJsonReadResult read = crs == null ? new GeoJsonReader().read(in) : new GeoJsonReader().read(in, crs);
        if (read instanceof GeoJsonReadResult.Rejected rejected) return new ImportOutcome(rejected.problems(), List.of(), List.of(), 0, null);
        List<BoundaryFeature> features = ((GeoJsonReadResult.Parsed) read).features();
        List<GeoJsonProblem> unknown = unknownUnits(features, tree, level);
        if (!unknown.isEmpty()) return new ImportOutcome(unknown, List.of(), List.of(), 0, null);
        List<GeoJsonProblem> superseded = laterBoundaries(features, tree, date);
        if (!superseded.isEmpty()) return new ImportOutcome(superseded, List.of(), List.of(), 0, null);

        Map<String, Division> units = features.stream().map(f -> tree.findByCode(f.code()).orElseThrow())
                .collect(Collectors.toMap(d -> d.code().value(), d -> d, (a, b) -> a));
        List<BoundaryFeature> checked = new ArrayList<>(features);
        checked.addAll(storedSiblings(level, tree, units));
        Map<String, Geometry> parents = new HashMap<>();
        Map<String, String> parentCodes = new HashMap<>();
        for (BoundaryFeature feature : checked) {
            Division unit = tree.findByCode(feature.code()).orElseThrow();
            if (unit.parentId() == null) continue;
            Division parent = tree.find(unit.parentId()).orElseThrow();
            parentCodes.put(feature.code(), parent.code().value());
            catalog.of(parent.id(), tree.date()).ifPresent(g -> parents.put(parent.code().value(), g));
        }
        BoundaryReport report = new BoundaryValidator(toleranceSquareMetres).validate(checked, parents, parentCodes::get);
        // Stored siblings are checked against the new boundaries only; their own old faults are not this file's.
        List<BoundaryFinding> errors = report.errors().stream()
                .filter(f -> units.containsKey(f.code()) || (f.otherCode() != null && units.containsKey(f.otherCode()))).toList();
        if (!errors.isEmpty()) return new ImportOutcome(List.of(), errors, report.warnings(), 0, null);
        long operationId = transactions.run(ReorganisationKind.BOUNDARIES, date, note, op -> {
            List<BoundaryStore.NewBoundary> shapes = features.stream()
                    .map(f -> new BoundaryStore.NewBoundary(units.get(f.code()).id(), f.geometry())).toList();
            shapes.forEach(s -> op.territory().mark(s.unitId(), op.id(), "SUBJECT"));
            op.territory().flush();
            store.save(shapes, date, false, op.id());
            return op.id();
        });
        return new ImportOutcome(List.of(), List.of(), report.warnings(), features.size(), operationId);
    }

    /**
     * A boundary that already takes effect after the import's date would be left open beside the new one (and the
     * store allows one open boundary per unit): such a file is refused, naming the unit and the later date.
     */
    private List<GeoJsonProblem> laterBoundaries(List<BoundaryFeature> features, DivisionTree tree, LocalDate date) {
        Map<Long, LocalDate> later = store.laterThan(features.stream().map(f -> tree.findByCode(f.code()).orElseThrow().id())
                .collect(Collectors.toSet()), date);
        List<GeoJsonProblem> problems = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            BoundaryFeature feature = features.get(i);
            LocalDate from = later.get(tree.findByCode(feature.code()).orElseThrow().id());
            if (from != null) {
                problems.add(new GeoJsonProblem(new FeatureRef(i, feature.code(), feature.name()),
                        GeoMessage.of("territory.boundary.later-exists", feature.code(), from)));
            }
        }
        return problems;
    }

    private static List<GeoJsonProblem> unknownUnits(List<BoundaryFeature> features, DivisionTree tree, DivisionLevel level) {
        List<GeoJsonProblem> problems = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            BoundaryFeature feature = features.get(i);
            var ref = new FeatureRef(i, feature.code(), feature.name());
            Optional<Division> unit = tree.findByCode(feature.code());
            if (unit.isEmpty()) {
                problems.add(new GeoJsonProblem(ref, GeoMessage.of("territory.boundary.unknown-unit", feature.code(), tree.date())));
            } else if (unit.get().level() != level) {
                problems.add(new GeoJsonProblem(ref, GeoMessage.of("territory.boundary.wrong-level", feature.code(), unit.get().level(), level)));
            } else if (!seen.add(feature.code())) {
                problems.add(new GeoJsonProblem(ref, GeoMessage.of("territory.boundary.duplicate", feature.code())));
            }
        }
        return problems;
    }

    /** Stored boundaries of the same parents that the file does not replace: they must not overlap the new ones. */
    private List<BoundaryFeature> storedSiblings(DivisionLevel level, DivisionTree tree, Map<String, Division> units) {
        Set<Long> parents = units.values().stream().map(Division::parentId).filter(p -> p != null).collect(Collectors.toSet());
        Set<Long> replaced = units.values().stream().map(Division::id).collect(Collectors.toSet());
        List<BoundaryFeature> siblings = new ArrayList<>();
        for (BoundaryStore.StoredBoundary boundary : catalog.at(level, tree.date(), null)) {
            if (replaced.contains(boundary.unitId())) continue;
            tree.find(boundary.unitId()).filter(d -> parents.contains(d.parentId()))
                    .ifPresent(d -> siblings.add(new BoundaryFeature(d.code().value(), d.name(), boundary.geometry())));
        }
        return siblings;
    }
}
