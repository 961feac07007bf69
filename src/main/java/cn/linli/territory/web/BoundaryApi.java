package cn.linli.territory.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.locationtech.jts.geom.Envelope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.linli.access.CurrentActor;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Boundaries;
import cn.linli.territory.TerritoryException;
import cn.linli.territory.internal.geo.CoordinateSystem;
import cn.linli.territory.internal.geo.SourceCrs;
import cn.linli.web.ApiError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** GeoJSON (RFC 7946) boundaries per level: export within the jurisdiction, import by city administrators. */
@RestController
@RequestMapping("/api/territory/boundaries")
@Tag(name = "territory boundaries", description = "GeoJSON export and import per level")
class BoundaryApi {

    private final Boundaries boundaries;
    private final CurrentActor actors;
    private final TerritoryMessages messages;

    BoundaryApi(Boundaries boundaries, CurrentActor actors, TerritoryMessages messages) {
        this.boundaries = boundaries;
        this.actors = actors;
        this.messages = messages;
    }

    @GetMapping("/{level}")
    @Operation(summary = "Boundaries of a level (county, township, community, grid) as a GeoJSON FeatureCollection")
    void export(@PathVariable String level, @RequestParam(required = false) String date,
            @RequestParam(defaultValue = "wgs84") String crs, @RequestParam(required = false) String bbox,
            HttpServletResponse response) throws IOException {
        DivisionLevel parsed = ApiParameters.level(level);
        boolean gcj02 = switch (crs.strip().toLowerCase(Locale.ROOT)) {
            case "wgs84", "cgcs2000" -> false;
            case "gcj02" -> true;
            default -> throw new TerritoryException("crs", "territory.error.crs", crs);
        };
        Envelope within = envelope(bbox);
        // The map may send its bounds in GCJ-02, a few hundred metres off WGS84: widen a little.
        if (within != null) within.expandBy(0.01);
        var asOf = ApiParameters.date(date);
        response.setContentType("application/geo+json");
        response.setCharacterEncoding("UTF-8");
        boundaries.export(parsed, asOf, actors.current().jurisdiction(), within, gcj02, response.getOutputStream());
    }

    record ImportAnswer(int saved, Long operationId, List<ApiError.FieldMessage> warnings) {
    }

    @PostMapping(path = "/{level}", consumes = "multipart/form-data")
    @Operation(summary = "Import boundaries of a level from GeoJSON (WGS84, GCJ-02, BD-09 or CGCS2000 Gauss-Krüger EPSG:4513–4554)")
    ResponseEntity<?> importFile(@PathVariable String level, @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String date, @RequestParam(required = false) String crs,
            @RequestParam(required = false) String note, Locale locale) throws IOException {
        TerritoryEditors.require(actors);
        DivisionLevel parsed = ApiParameters.level(level);
        if (file == null || file.isEmpty()) throw new TerritoryException("file", "territory.error.file");
        SourceCrs source = sourceCrs(crs);
        Boundaries.ImportOutcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = boundaries.importGeoJson(parsed, in, source, ApiParameters.date(date), note);
        }
        if (!outcome.applied()) {
            List<ApiError.FieldMessage> errors = messages.rejections(outcome, locale);
            String message = messages.text("territory.boundary.rejected", locale);
            return ResponseEntity.badRequest().body(new ApiError(400, HttpStatus.BAD_REQUEST.getReasonPhrase(), message, "file", errors));
        }
        return ResponseEntity.ok(new ImportAnswer(outcome.saved(), outcome.operationId(), messages.warnings(outcome, locale)));
    }

    static SourceCrs sourceCrs(String crs) {
        if (crs == null || crs.isBlank()) return null;
        String name = crs.strip();
        try {
            if (name.equalsIgnoreCase("wgs84") || name.equalsIgnoreCase("gcj02") || name.equalsIgnoreCase("bd09")) {
                return SourceCrs.geographic(CoordinateSystem.parse(name));
            }
            return SourceCrs.fromName(name);
        } catch (IllegalArgumentException e) {
            throw new TerritoryException("crs", "territory.error.crs", crs);
        }
    }

    static Envelope envelope(String bbox) {
        if (bbox == null || bbox.isBlank()) return null;
        String[] parts = bbox.split(",");
        if (parts.length != 4) throw new TerritoryException("bbox", "territory.error.bbox", bbox);
        double west = ApiParameters.coordinate("bbox", parts[0], -180, 180);
        double south = ApiParameters.coordinate("bbox", parts[1], -90, 90);
        double east = ApiParameters.coordinate("bbox", parts[2], -180, 180);
        double north = ApiParameters.coordinate("bbox", parts[3], -90, 90);
        if (west > east || south > north) throw new TerritoryException("bbox", "territory.error.bbox", bbox);
        return new Envelope(west, east, south, north);
    }
}
