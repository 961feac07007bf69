package cn.linli.territory.internal.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The centre points (WGS84) that the 2016 list gives for 161 units, by their 2016 code. */
final class CentrePointsFile {

    private CentrePointsFile() {
    }

    static Map<String, double[]> read(InputStream in) {
        Map<String, double[]> points = new HashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().replace("\uFEFF", "").split(",", -1);
            int lng = indexOf(header, "lng");
            int lat = indexOf(header, "lat");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",", -1);
                if (fields.length > Math.max(lng, lat) && !fields[lng].isBlank() && !fields[lat].isBlank()) {
                    points.put(fields[0], new double[] {Double.parseDouble(fields[lng]), Double.parseDouble(fields[lat])});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return points;
    }

    private static int indexOf(String[] header, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equals(column)) return i;
        }
        throw new IllegalArgumentException("column " + column + " missing");
    }
}
