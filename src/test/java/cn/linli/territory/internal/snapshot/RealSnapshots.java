package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Jiamusi lists of 2016 and 2023, and a current territory built from a list as if it had been imported. */
final class RealSnapshots {

    static final String Y2016 = "/territory/demo/jiamusi-divisions-2016.csv";
    static final String Y2023 = "/territory/demo/jiamusi-divisions-2023.csv";

    private RealSnapshots() {
    }

    static List<SnapshotRow> rows(String resource) {
        try (InputStream in = RealSnapshots.class.getResourceAsStream(resource)) {
            SnapshotReading reading = SnapshotFile.read(in);
            assertThat(reading).isInstanceOf(SnapshotReading.Accepted.class);
            return ((SnapshotReading.Accepted) reading).rows();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A territory holding exactly the rows, with unit ids assigned from {@code firstId} in file order. */
    static Territory territoryOf(List<SnapshotRow> rows, long firstId) {
        Map<DivisionCode, Long> ids = new HashMap<>();
        long next = firstId;
        for (SnapshotRow row : rows) {
            ids.put(row.code(), next++);
        }
        List<CurrentUnit> units = new ArrayList<>();
        for (SnapshotRow row : rows) {
            units.add(new CurrentUnit(ids.get(row.code()), row.level(), row.code(), row.name(), ids.get(row.parentCode()),
                    row.urbanRural()));
        }
        return new Territory(units, ids);
    }

    record Territory(List<CurrentUnit> units, Map<DivisionCode, Long> idByCode) {

        long id(String code) {
            Long id = idByCode.get(DivisionCode.of(code));
            assertThat(id).as("unit with code %s", code).isNotNull();
            return id;
        }
    }
}
