package cn.linli.territory.internal.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.linli.shared.DivisionLevel;

/**
 * Builds the demo city's division tree from the bundled code lists, the way the demo loader does: the 2023
 * units, each with the 2016 centre point of the unit with the same code, or else of the one unit with the
 * same name in the same county (streets and communities were renumbered between the two lists, and common
 * names such as 东升村委会 recur all over the city, so a name alone says nothing beyond its county).
 */
final class DemoTreeFixture {

    private static final String CURRENT = "/territory/demo/jiamusi-divisions-2023.csv";
    private static final String POINTS = "/territory/demo/jiamusi-divisions-2016.csv";

    private record Row(String code, String name, String level, String parent, Double lng, Double lat) {
    }

    private DemoTreeFixture() {
    }

    static DemoNode jiamusi2023() {
        List<Row> current = read(CURRENT);
        List<Row> old = read(POINTS);
        Map<String, Row> oldByCode = new HashMap<>();
        Map<String, List<Row>> oldByCountyAndName = new HashMap<>();
        for (Row row : old) {
            if (row.lng() != null) {
                oldByCode.put(row.code(), row);
                oldByCountyAndName.computeIfAbsent(row.code().substring(0, 6) + "/" + row.name(), k -> new ArrayList<>()).add(row);
            }
        }
        Map<String, List<Row>> children = new LinkedHashMap<>();
        Row city = null;
        for (Row row : current) {
            if (row.level().equals("city")) {
                city = row;
            } else {
                children.computeIfAbsent(row.parent(), k -> new ArrayList<>()).add(row);
            }
        }
        if (city == null) {
            throw new IllegalStateException("no city in " + CURRENT);
        }
        return node(city, children, oldByCode, oldByCountyAndName);
    }

    private static DemoNode node(Row row, Map<String, List<Row>> children, Map<String, Row> oldByCode,
            Map<String, List<Row>> oldByCountyAndName) {
        List<DemoNode> kids = new ArrayList<>();
        for (Row child : children.getOrDefault(row.code(), List.of())) {
            kids.add(node(child, children, oldByCode, oldByCountyAndName));
        }
        Row point = oldByCode.get(row.code());
        if (point == null) {
            List<Row> sameName = oldByCountyAndName.getOrDefault(row.code().substring(0, 6) + "/" + row.name(), List.of());
            point = sameName.size() == 1 ? sameName.get(0) : null;
        }
        Double lng = point == null ? null : point.lng();
        Double lat = point == null ? null : point.lat();
        return new DemoNode(row.code(), level(row.level()), row.name(), lng, lat, kids);
    }

    private static DivisionLevel level(String level) {
        return switch (level) {
            case "city" -> DivisionLevel.CITY;
            case "county" -> DivisionLevel.COUNTY;
            case "township" -> DivisionLevel.TOWNSHIP;
            case "village" -> DivisionLevel.COMMUNITY;
            default -> throw new IllegalArgumentException("unknown level " + level);
        };
    }

    private static List<Row> read(String resource) {
        try (InputStream in = DemoTreeFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            List<String> columns = List.of(header.split(","));
            int lngColumn = columns.indexOf("lng");
            int latColumn = columns.indexOf("lat");
            List<Row> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                Double lng = lngColumn >= 0 && !f[lngColumn].isEmpty() ? Double.valueOf(f[lngColumn]) : null;
                Double lat = latColumn >= 0 && !f[latColumn].isEmpty() ? Double.valueOf(f[latColumn]) : null;
                rows.add(new Row(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), lng, lat));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
