package cn.linli.territory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The grid standard: how many households a grid should hold (this city: 200–300, "街巷定界、规模适度"), configurable
 * per urban-rural class. A grid's households are those counted by the registry ({@link GridHouseholdCounts});
 * a grid the registry has no households for keeps the figure of a survey (or of the demo data).
 */
@Service
public class GridStandard {

    public enum Band { BELOW, WITHIN, ABOVE }

    /** The household band; {@code byUrbanRural} overrides it for urban-rural classes such as 220 (village). */
    @ConfigurationProperties("linli.territory.grid-band")
    public record Settings(Range standard, Map<String, Range> byUrbanRural) {

        public Settings {
            standard = standard != null ? standard : new Range(200, 300);
            byUrbanRural = byUrbanRural != null ? Map.copyOf(byUrbanRural) : Map.of();
        }
    }

    public record Range(int min, int max) {
    }

    private final Settings settings;
    private final JdbcClient jdbc;
    private final TerritoryQueries territory;
    private final ObjectProvider<GridHouseholdCounts> counted;

    GridStandard(Settings settings, JdbcClient jdbc, TerritoryQueries territory, ObjectProvider<GridHouseholdCounts> counted) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.territory = territory;
        this.counted = counted;
    }

    public Range rangeFor(String urbanRural) {
        return urbanRural == null ? settings.standard() : settings.byUrbanRural().getOrDefault(urbanRural, settings.standard());
    }

    /** The band of a grid, judged by its community's urban-rural class. */
    public Band band(Division grid, int households) {
        String urbanRural = grid.urbanRural() != null ? grid.urbanRural()
                : territory.tree(null).find(grid.parentId() == null ? -1 : grid.parentId()).map(Division::urbanRural).orElse(null);
        Range range = rangeFor(urbanRural);
        return households < range.min() ? Band.BELOW : households > range.max() ? Band.ABOVE : Band.WITHIN;
    }

    public Optional<Integer> households(long gridId) {
        GridHouseholdCounts counts = counted.getIfAvailable();
        OptionalInt count = counts == null ? OptionalInt.empty() : counts.households(gridId);
        if (count.isPresent()) return Optional.of(count.getAsInt());
        return jdbc.sql("select households from territory_grid_households where unit_id = ?").param(gridId)
                .query(Integer.class).optional();
    }

    public Map<Long, Integer> allHouseholds() {
        Map<Long, Integer> all = new HashMap<>(jdbc.sql("select unit_id, households from territory_grid_households")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        GridHouseholdCounts counts = counted.getIfAvailable();
        if (counts != null) all.putAll(counts.countsByGrid());
        return all;
    }
}
