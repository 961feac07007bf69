package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionLevel;

import java.util.Optional;

/** The level words of the official lists; the statisticians' "village" is the platform's community level. */
final class LevelWords {

    static final String ALLOWED = "city, county, township, village";

    private LevelWords() {
    }

    static Optional<DivisionLevel> parse(String word) {
        return switch (word) {
            case "city" -> Optional.of(DivisionLevel.CITY);
            case "county" -> Optional.of(DivisionLevel.COUNTY);
            case "township" -> Optional.of(DivisionLevel.TOWNSHIP);
            case "village" -> Optional.of(DivisionLevel.COMMUNITY);
            default -> Optional.empty();
        };
    }

    static String word(DivisionLevel level) {
        return switch (level) {
            case CITY -> "city";
            case COUNTY -> "county";
            case TOWNSHIP -> "township";
            case COMMUNITY -> "village";
            case GRID -> "grid";
        };
    }
}
