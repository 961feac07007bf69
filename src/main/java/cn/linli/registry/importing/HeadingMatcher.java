package cn.linli.registry.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.linli.registry.ImportField;

/**
 * Proposes which column holds which field, by the similarity of the file's headings to the headings offices use
 * (Dice coefficient of character pairs, after removing spaces, brackets and full-width forms). Each field and each
 * column is used at most once, best matches first; a weak match is left for the user to choose.
 */
public final class HeadingMatcher {

    static final double THRESHOLD = 0.5;

    private HeadingMatcher() {
    }

    public static Map<ImportField, Integer> propose(List<String> headings) {
        Map<ImportField, Integer> mapping = new EnumMap<>(ImportField.class);
        best(headings).forEach(c -> mapping.put(c.field(), c.column()));
        return mapping;
    }

    /**
     * How well a row serves as the heading row: the summed similarity of the fields it would map. A title above the
     * headings ("永安社区人口登记表") or a data row scores far below the real headings.
     */
    public static double fit(List<String> row) {
        return best(row).stream().mapToDouble(Candidate::score).sum();
    }

    private record Candidate(ImportField field, int column, double score) {
    }

    /** The chosen (field, column) pairs, best matches first, each field and column once. */
    private static List<Candidate> best(List<String> headings) {
        List<Candidate> candidates = new ArrayList<>();
        for (int column = 0; column < headings.size(); column++) {
            String heading = normal(headings.get(column));
            if (heading.isEmpty()) continue;
            for (ImportField field : ImportField.values()) {
                double best = field.headings().stream().mapToDouble(h -> similarity(heading, normal(h))).max().orElse(0);
                if (best >= THRESHOLD) candidates.add(new Candidate(field, column, best));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        Set<ImportField> fields = new HashSet<>();
        Set<Integer> used = new HashSet<>();
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!fields.contains(c.field()) && used.add(c.column())) {
                fields.add(c.field());
                chosen.add(c);
            }
        }
        return chosen;
    }

    static String normal(String heading) {
        if (heading == null) return "";
        return Normalizer.normalize(heading, Normalizer.Form.NFKC).replaceAll("[\\s()（）\\[\\]【】*:：]", "");
    }

    static double similarity(String a, String b) {
        if (a.equals(b)) return 1;
        List<String> pa = pairs(a);
        List<String> pb = pairs(b);
        if (pa.isEmpty() || pb.isEmpty()) return 0;
        List<String> rest = new ArrayList<>(pb);
        int common = 0;
        for (String p : pa) {
            if (rest.remove(p)) common++;
        }
        return 2.0 * common / (pa.size() + pb.size());
    }

    /** Character pairs; a one-character heading (层, 户主) is its own single "pair". */
    private static List<String> pairs(String s) {
        int[] cps = s.codePoints().toArray();
        List<String> pairs = new ArrayList<>();
        if (cps.length == 1) pairs.add(new String(cps, 0, 1));
        for (int i = 0; i + 1 < cps.length; i++) pairs.add(new String(cps, i, 2));
        return pairs;
    }
}
