package cn.linli.territory.internal.snapshot;

import java.util.List;

/**
 * Whether two normalised names are close enough to show a reviewer: added or dropped words (东辉畜牧场 →
 * 东辉畜牧场生活区, 腰营村 → 腰营子村) and corrected characters (沿因社区 → 沿音社区). Names are compared without
 * their unit word (社区, 村, ...). Most village and community names have two characters, and two such names that
 * differ in one character or share a two-character part are mostly unrelated (东发/东兴, 第一社区/第一分场生活区),
 * so two-character names only count when both sit under the same parent.
 */
final class NameSimilarity {

    private static final List<String> UNIT_WORDS = List.of("社区", "村", "街道", "乡", "镇");
    private static final int SHORTEST_COMPARED = 2;
    private static final int SHORTEST_COMPARED_ANYWHERE = 3;

    private NameSimilarity() {
    }

    static boolean similar(String a, String b, boolean sameParent) {
        String coreA = core(a);
        String coreB = core(b);
        int shorter = Math.min(coreA.length(), coreB.length());
        if (coreA.equals(coreB) || shorter < SHORTEST_COMPARED || !sameParent && shorter < SHORTEST_COMPARED_ANYWHERE) {
            return false;
        }
        return coreA.contains(coreB) || coreB.contains(coreA) || oneEditApart(coreA, coreB);
    }

    static String core(String name) {
        for (String word : UNIT_WORDS) {
            if (name.endsWith(word) && name.length() > word.length()) {
                return name.substring(0, name.length() - word.length());
            }
        }
        return name;
    }

    /** One substitution, insertion or deletion (Levenshtein distance 1), without building the full matrix. */
    static boolean oneEditApart(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (longer.length() - shorter.length() > 1 || a.equals(b)) {
            return false;
        }
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        int skip = longer.length() == shorter.length() ? 1 : 0;
        return shorter.substring(Math.min(i + skip, shorter.length())).equals(longer.substring(i + 1));
    }
}
