package cn.linli.territory.internal.snapshot;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotMessagesTest {

    private static final Path SOURCES = Path.of("src/main/java/cn/linli/territory/internal/snapshot");

    @Test
    void bothLanguagesHaveTheSameKeysAndArguments() throws IOException {
        Properties english = load("/i18n/snapshot.properties");
        Properties chinese = load("/i18n/snapshot_zh_CN.properties");

        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(key).startsWith("snapshot.");
            assertThat(new MessageFormat(chinese.getProperty(key)).getFormatsByArgumentIndex())
                    .as(key).hasSameSizeAs(new MessageFormat(english.getProperty(key)).getFormatsByArgumentIndex());
        }
    }

    @Test
    void everyKeyTheCodeUsesHasATextAndEveryEnumALabel() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(snapshot\\.[a-z.-]+)\"");
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                Matcher matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        Arrays.stream(MatchRule.values()).forEach(rule -> used.add("snapshot.match." + rule));
        Arrays.stream(ReviewReason.values()).forEach(reason -> used.add("snapshot.review." + reason));
        Arrays.stream(OperationType.values()).forEach(type -> used.add("snapshot.operation." + type));

        assertThat(used).hasSizeGreaterThan(40);
        assertThat(load("/i18n/snapshot.properties").stringPropertyNames()).containsAll(used);
    }

    @Test
    void chineseTextsAreReadAsUtf8ByTheStandardBundleLookup() {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/snapshot", Locale.SIMPLIFIED_CHINESE);
        assertThat(MessageFormat.format(bundle.getString("snapshot.row.code.duplicate"), "230803001001", "5"))
                .isEqualTo("代码 230803001001 已在第 5 行出现。");
        ResourceBundle root = ResourceBundle.getBundle("i18n/snapshot", Locale.ROOT);
        assertThat(MessageFormat.format(root.getString("snapshot.row.code.village-class"), "230803001700", "700"))
                .contains("residents' committee");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SnapshotMessagesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
