package cn.linli.knowledge.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.linli.knowledge.KnowledgeInputRejected;

/**
 * Groups of words the search treats as one (暖气, 供暖, 采暖): one group per line, words separated by commas (also
 * full-width) or 、. A group needs two different words; a word is at most 20 characters and has no punctuation that
 * the search would read as syntax.
 */
public final class SynonymGroups {

    public static final int GROUPS_MAX = 2_000;
    private static final int WORD_MAX = 20;

    private SynonymGroups() {
    }

    /** The groups of a text with one group per line; blank lines are skipped. Line numbers in errors count from 1. */
    public static List<List<String>> parse(String text) {
        List<List<String>> groups = new ArrayList<>();
        if (text == null) {
            return groups;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                groups.add(group(lines[i], i + 1));
            }
        }
        if (groups.size() > GROUPS_MAX) {
            throw new KnowledgeInputRejected("synonyms", "knowledge.rejected.synonyms.too-many", GROUPS_MAX);
        }
        return groups;
    }

    private static List<String> group(String line, int number) {
        Set<String> words = new LinkedHashSet<>();
        for (String part : line.split("[,，、]")) {
            String word = part.strip();
            if (word.isEmpty()) {
                continue;
            }
            if (word.length() > WORD_MAX || !word.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == ' ')) {
                throw new KnowledgeInputRejected("synonyms", "knowledge.rejected.synonyms.word", number, word);
            }
            words.add(word);
        }
        if (words.size() < 2) {
            throw new KnowledgeInputRejected("synonyms", "knowledge.rejected.synonyms.too-few", number);
        }
        return List.copyOf(words);
    }

    public static String format(List<List<String>> groups) {
        StringBuilder text = new StringBuilder();
        groups.forEach(group -> text.append(String.join(",", group)).append('\n'));
        return text.toString();
    }
}
