package cn.linli.territory.internal.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an RFC 7946 GeoJSON FeatureCollection of Polygon and MultiPolygon boundaries into WGS84
 * {@link BoundaryFeature}s, or reports everything wrong with it.
 * <p>
 * Coordinates are in the CRS the file declares in a legacy {@code crs} member
 * ({@code {"type":"name","properties":{"name":"EPSG:4553"}}}, URN forms accepted), else in the one the caller
 * passes, else WGS84. Gauss-Krüger positions are read as [easting, northing] (GIS order, as GDAL and QGIS write
 * them), never in the EPSG axis order northing-first; a swapped file is reported, not guessed at. When both the
 * file and the caller name a CRS, they must agree, except that a caller's GCJ-02 or BD-09 overrides a file's
 * WGS84 declaration: tools stamp CRS84 on every export, and GCJ-02 has no EPSG code to declare it with.
 * <p>
 * The whole file is read into a tree first (boundary files are megabytes, not gigabytes) so that all problems
 * can be listed in one pass; the result is all features or none. The input is read to its end and closed.
 * An I/O failure of the input itself is thrown as {@link UncheckedIOException}, not reported as a problem of the
 * file. Instances are thread-safe.
 */
public final class GeoJsonReader {

    /** Beyond this many problems the list stops growing: the file is evidently of the wrong kind. */
    static final int MAX_PROBLEMS = 200;

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public GeoJsonReadResult read(Reader in) {
        return read(in, null);
    }

    /**
     * @param callerCrs the CRS the user chose on upload, or null to rely on the file's {@code crs} member and
     *                  otherwise WGS84
     */
    public GeoJsonReadResult read(Reader in, SourceCrs callerCrs) {
        return read(() -> mapper.readTree(withoutByteOrderMark(in)), callerCrs);
    }

    /** Reads bytes in UTF-8 (or UTF-16/32, detected), as RFC 7946 requires. */
    public GeoJsonReadResult read(InputStream in) {
        return read(in, null);
    }

    public GeoJsonReadResult read(InputStream in, SourceCrs callerCrs) {
        return read(() -> mapper.readTree(in), callerCrs);
    }

    private GeoJsonReadResult read(Supplier<JsonNode> parse, SourceCrs callerCrs) {
        Problems problems = new Problems(MAX_PROBLEMS);
        JsonNode root;
        try {
            root = parse.get();
        } catch (JacksonIOException e) {
            // The stream failed, not the file's content: that is the caller's exception to handle.
            throw new UncheckedIOException(e.getCause() != null ? e.getCause() : new IOException(e));
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            problems.add(null, GeoMessage.of(GeoMessageKeys.JSON_MALFORMED, line, column, e.getOriginalMessage()));
            return problems.result(List.of());
        }
        if (root == null || root.isMissingNode()) {
            problems.add(null, GeoMessage.of(GeoMessageKeys.JSON_EMPTY));
            return problems.result(List.of());
        }
        if (!root.isObject() || !"FeatureCollection".equals(textOrNull(root.get("type")))) {
            problems.add(null, GeoMessage.of(GeoMessageKeys.COLLECTION_WRONG_TYPE, describeType(root)));
            return problems.result(List.of());
        }
        SourceCrs crs = new CrsResolution(problems).resolve(root.get("crs"), callerCrs);
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            problems.add(null, GeoMessage.of(GeoMessageKeys.COLLECTION_FEATURES_MISSING));
            return problems.result(List.of());
        }
        if (features.isEmpty()) {
            problems.add(null, GeoMessage.of(GeoMessageKeys.COLLECTION_EMPTY));
            return problems.result(List.of());
        }
        GeoJsonFeatureParser parser = new GeoJsonFeatureParser(crs, problems);
        List<BoundaryFeature> parsed = new ArrayList<>(features.size());
        Map<String, Integer> firstIndexByCode = new HashMap<>();
        for (int i = 0; i < features.size() && !problems.isFull(); i++) {
            BoundaryFeature feature = parser.parse(i, features.get(i));
            String code = parser.lastCode();
            if (code != null) {
                Integer first = firstIndexByCode.putIfAbsent(code, i);
                if (first != null) {
                    problems.add(new FeatureRef(i, code, parser.lastName()),
                            GeoMessage.of(GeoMessageKeys.FEATURE_DUPLICATE_CODE, code, first + 1));
                }
            }
            if (feature != null) {
                parsed.add(feature);
            }
        }
        return problems.result(parsed);
    }

    /**
     * Files saved by Windows tools often start with a byte order mark. Jackson skips it in bytes but not in
     * characters, where it would be reported as malformed JSON at line 1, column 1, baffling the user.
     */
    private static Reader withoutByteOrderMark(Reader in) {
        PushbackReader pushback = new PushbackReader(in, 1);
        try {
            int first = pushback.read();
            if (first >= 0 && first != '\uFEFF') {
                pushback.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pushback;
    }

    /** GeoJSON's own word for what was found, for the wrong-type message. */
    static String describeType(JsonNode node) {
        if (node.isObject()) {
            String type = textOrNull(node.get("type"));
            return type == null ? "object" : type;
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    static String textOrNull(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /** Works out which CRS the coordinates are in; null if that cannot be decided (a problem is then recorded). */
    private record CrsResolution(Problems problems) {

        SourceCrs resolve(JsonNode crsMember, SourceCrs callerCrs) {
            if (crsMember == null || crsMember.isNull()) {
                return callerCrs == null ? SourceCrs.geographic(CoordinateSystem.WGS84) : callerCrs;
            }
            String name = legacyName(crsMember);
            if (name == null) {
                problems.add(null, GeoMessage.of(GeoMessageKeys.CRS_MALFORMED));
                return null;
            }
            SourceCrs declared;
            try {
                declared = SourceCrs.fromName(name);
            } catch (UnsupportedCrsException e) {
                problems.add(null, GeoMessage.of(GeoMessageKeys.CRS_UNSUPPORTED, e.crsName()));
                return null;
            }
            if (callerCrs == null || callerCrs.equals(declared)) {
                return declared;
            }
            boolean declaredWgs84 = declared instanceof SourceCrs.Geographic;
            if (declaredWgs84 && callerCrs instanceof SourceCrs.Geographic) {
                return callerCrs;
            }
            problems.add(null, GeoMessage.of(GeoMessageKeys.CRS_CONFLICT, declared.displayName(), callerCrs.displayName()));
            return null;
        }

        /** The name in {"type":"name","properties":{"name":"..."}}, the only legacy form we accept. */
        private static String legacyName(JsonNode crsMember) {
            if (!crsMember.isObject() || !"name".equals(textOrNull(crsMember.get("type")))) {
                return null;
            }
            JsonNode properties = crsMember.get("properties");
            return properties == null ? null : textOrNull(properties.get("name"));
        }
    }

    /** The problems found so far, capped, and the all-or-nothing result. */
    static final class Problems {
        private final int limit;
        private final List<GeoJsonProblem> list = new ArrayList<>();
        private boolean truncated;

        Problems(int limit) {
            this.limit = limit;
        }

        void add(FeatureRef feature, GeoMessage message) {
            if (list.size() < limit) {
                list.add(new GeoJsonProblem(feature, message));
            } else {
                truncated = true;
            }
        }

        boolean isFull() {
            return list.size() >= limit;
        }

        int count() {
            return list.size();
        }

        GeoJsonReadResult result(List<BoundaryFeature> features) {
            if (list.isEmpty()) {
                return new GeoJsonReadResult.Parsed(features);
            }
            List<GeoJsonProblem> all = new ArrayList<>(list);
            if (truncated || isFull()) {
                all.add(new GeoJsonProblem(null, GeoMessage.of(GeoMessageKeys.PROBLEMS_TRUNCATED, list.size())));
            }
            return new GeoJsonReadResult.Rejected(all);
        }
    }
}
