package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

import java.text.Normalizer;

/**
 * A unit name reduced to what identifies the unit, so that a change of the official writing style between two
 * lists ("永安社区居民委员会" → "永安社区", "南岗村委会" → "南岗村", "西林街道办事处" → "西林街道") is not
 * mistaken for a rename. {@code stem} additionally drops 乡/镇 from township-level names, because a township that
 * becomes a town (乡 → 镇) is the same unit under a new class.
 * <p>
 * The directly administered pseudo-township (township digits 198) has no name of its own: the lists describe it
 * ("向阳区（镇）直辖地域", "向阳区直辖村级区划"), and a county has at most one, so all such descriptions normalise
 * to "直辖".
 */
record NormalisedName(String full, String stem) {

    private static final String COMMUNITY = "社区";
    private static final String VILLAGE = "村";
    private static final String STREET = "街道";

    private static final int DIRECTLY_ADMINISTERED = 198;
    private static final String DIRECTLY_ADMINISTERED_WORD = "直辖";

    static NormalisedName of(String name, DivisionCode code, DivisionLevel level) {
        if (level == DivisionLevel.TOWNSHIP && code != null && code.townshipDigits() == DIRECTLY_ADMINISTERED
                && name.contains(DIRECTLY_ADMINISTERED_WORD)) {
            return new NormalisedName(DIRECTLY_ADMINISTERED_WORD, DIRECTLY_ADMINISTERED_WORD);
        }
        String full = withoutCommitteeSuffix(compact(name));
        return new NormalisedName(full, level == DivisionLevel.TOWNSHIP ? withoutTownshipClass(full) : full);
    }

    /** Full-width forms to half-width (NFKC), then no whitespace at all: spacing carries no meaning in names. */
    private static String compact(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    /**
     * The committee is the organ, the community or village is the unit: "X居委会", "X社区居委会" and "X社区" all
     * name community X, "X村委会" and "X村" village X. A suffix is only replaced when something is left before it,
     * and the unit word is not doubled ("渔业村村委会" → "渔业村").
     */
    private static String withoutCommitteeSuffix(String name) {
        for (String suffix : new String[] {"居民委员会", "居委会"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return ensureEnding(name.substring(0, name.length() - suffix.length()), COMMUNITY);
            }
        }
        for (String suffix : new String[] {"村民委员会", "村委会"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return ensureEnding(name.substring(0, name.length() - suffix.length()), VILLAGE);
            }
        }
        if (name.endsWith("办事处") && name.length() > "办事处".length()) {
            return ensureEnding(name.substring(0, name.length() - "办事处".length()), STREET);
        }
        return name;
    }

    private static String ensureEnding(String stem, String unitWord) {
        return stem.endsWith(unitWord) ? stem : stem + unitWord;
    }

    private static String withoutTownshipClass(String name) {
        boolean classed = name.endsWith("乡") || name.endsWith("镇");
        return classed && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    /** Whether the two name the same unit; townships also when only 乡/镇 differs. */
    boolean sameUnitAs(NormalisedName other) {
        return full.equals(other.full) || stem.equals(other.stem);
    }
}
