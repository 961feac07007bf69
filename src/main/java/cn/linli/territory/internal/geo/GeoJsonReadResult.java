package cn.linli.territory.internal.geo;

import java.util.List;

/**
 * What {@link GeoJsonReader} returns: either every feature of the file, or every problem found, never a part of
 * the features. Callers switch on the two records.
 */
public sealed interface GeoJsonReadResult permits GeoJsonReadResult.Parsed, GeoJsonReadResult.Rejected {

    /** The features, or an empty list if the file was rejected. */
    List<BoundaryFeature> features();

    /** The problems, or an empty list if the file was read. */
    List<GeoJsonProblem> problems();

    default boolean isRejected() {
        return !problems().isEmpty();
    }

    record Parsed(List<BoundaryFeature> features) implements GeoJsonReadResult {
        public Parsed {
            features = List.copyOf(features);
        }

        @Override
        public List<GeoJsonProblem> problems() {
            return List.of();
        }
    }

    record Rejected(List<GeoJsonProblem> problems) implements GeoJsonReadResult {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejected read needs at least one problem");
            }
        }

        @Override
        public List<BoundaryFeature> features() {
            return List.of();
        }
    }
}
