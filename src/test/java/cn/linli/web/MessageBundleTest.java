package cn.linli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text of the UI exists in English and Simplified Chinese: for each bundle {@code i18n/X.properties} there is
 * {@code i18n/X_zh_CN.properties} with exactly the same keys, both files are UTF-8, no key is defined twice, and every
 * message key a template names literally exists. Scans the directory, so bundles that modules add later are checked
 * too.
 */
class MessageBundleTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final String CHINESE_SUFFIX = "_zh_CN";
    /** {@code #{some.key}} or {@code #{some.key(${arg})}}; keys built at run time ({@code #{${...}}}) are skipped. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");
    private static final Pattern PROPERTY_LINE = Pattern.compile("^\\s*([^#!\\s=:][^=:\\s]*)\\s*[=:]");

    @Test
    void everyBundleHasAChineseTwinWithTheSameKeys() throws IOException {
        Map<String, Path> bases = bundles(false);
        Map<String, Path> chinese = bundles(true);
        assertThat(bases).as("bundles in %s", BUNDLES).isNotEmpty();
        assertThat(chinese.keySet()).as("bundles with a _zh_CN twin").isEqualTo(bases.keySet());
        List<String> problems = new ArrayList<>();
        for (String bundle : bases.keySet()) {
            Set<String> english = keys(bases.get(bundle));
            Set<String> zh = keys(chinese.get(bundle));
            difference(zh, english).forEach(key -> problems.add(bundle + CHINESE_SUFFIX + " lacks " + key));
            difference(english, zh).forEach(key -> problems.add(bundle + " lacks " + key));
        }
        assertThat(problems).as("keys missing from one language").isEmpty();
    }

    @Test
    void bundlesAreUtf8AndDefineEachKeyOnce() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : allBundleFiles()) {
            String text;
            try {
                text = strictUtf8(file);
            } catch (CharacterCodingException e) {
                problems.add(file.getFileName() + " is not UTF-8");
                continue;
            }
            Map<String, Integer> seen = new HashMap<>();
            boolean continued = false;
            for (String line : text.split("\\R")) {
                Matcher key = PROPERTY_LINE.matcher(line);
                if (!continued && key.find() && seen.merge(key.group(1), 1, Integer::sum) == 2) {
                    problems.add(file.getFileName() + " defines " + key.group(1) + " twice");
                }
                continued = line.endsWith("\\");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMessageKeyInATemplateExists() throws IOException {
        Set<String> known = new HashSet<>();
        for (Path bundle : bundles(false).values()) {
            known.addAll(keys(bundle));
        }
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher key = TEMPLATE_KEY.matcher(Files.readString(template));
                while (key.find()) {
                    if (!known.contains(key.group(1))) {
                        problems.add(TEMPLATES.relativize(template) + " uses unknown key " + key.group(1));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Base name to file, for base bundles or their Chinese twins. */
    private static Map<String, Path> bundles(boolean chinese) throws IOException {
        Map<String, Path> found = new HashMap<>();
        for (Path file : allBundleFiles()) {
            String name = file.getFileName().toString().replace(".properties", "");
            if (chinese && name.endsWith(CHINESE_SUFFIX)) {
                found.put(name.substring(0, name.length() - CHINESE_SUFFIX.length()), file);
            } else if (!chinese && !name.contains("_")) {
                found.put(name, file);
            }
        }
        return found;
    }

    private static List<Path> allBundleFiles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(path -> path.toString().endsWith(".properties")).sorted().toList();
        }
    }

    private static Set<String> keys(Path file) throws IOException {
        var properties = new Properties();
        properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        return properties.stringPropertyNames();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(b);
        result.removeAll(a);
        return result;
    }

    private static String strictUtf8(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
    }
}
