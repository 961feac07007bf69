package cn.linli.territory.internal.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.operation.valid.TopologyValidationError;

class GeoMessagesTest {

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    private static ResourceBundle english() {
        return ResourceBundle.getBundle("i18n.geo", Locale.ROOT, NO_FALLBACK);
    }

    private static ResourceBundle chinese() {
        return ResourceBundle.getBundle("i18n.geo", Locale.SIMPLIFIED_CHINESE, NO_FALLBACK);
    }

    private static List<String> declaredKeys() throws IllegalAccessException {
        List<String> keys = new ArrayList<>();
        for (Field field : GeoMessageKeys.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("VALIDITY_PREFIX")) {
                keys.add((String) field.get(null));
            }
        }
        return keys;
    }

    @Test
    void chineseFileIsStrictUtf8() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/i18n/geo_zh_CN.properties")) {
            byte[] bytes = in.readAllBytes();
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            assertThat(text).contains("geo.boundary.gap=").contains("边界").contains("要素");
        }
    }

    @Test
    void everyKeyInTheCodeHasBothTexts() throws IllegalAccessException {
        List<String> keys = declaredKeys();
        assertThat(keys).hasSizeGreaterThan(40).allMatch(k -> k.startsWith("geo."));
        Set<String> english = english().keySet();
        Set<String> chinese = chinese().keySet();
        assertThat(english).containsAll(keys);
        assertThat(chinese).containsAll(keys);
        assertThat(new TreeSet<>(chinese)).isEqualTo(new TreeSet<>(english));
    }

    @Test
    void everyJtsValidityProblemHasItsOwnText() {
        for (int type = TopologyValidationError.ERROR; type <= TopologyValidationError.RING_NOT_CLOSED; type++) {
            String key = BoundaryValidator.validityKey(type);
            assertThat(english().containsKey(key)).as("type %d -> %s", type, key).isTrue();
        }
    }

    @Test
    void everyTextFormatsAndBothLanguagesUseTheSameArguments() {
        ResourceBundle en = english();
        ResourceBundle zh = chinese();
        for (String key : en.keySet()) {
            MessageFormat english = new MessageFormat(en.getString(key), Locale.ENGLISH);
            MessageFormat chinese = new MessageFormat(zh.getString(key), Locale.SIMPLIFIED_CHINESE);
            Format[] englishFormats = english.getFormatsByArgumentIndex();
            assertThat(chinese.getFormatsByArgumentIndex()).as(key).hasSameSizeAs(englishFormats);
            Object[] arguments = new Object[englishFormats.length];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = englishFormats[i] instanceof NumberFormat ? (Object) 12345.678 : "X" + i;
            }
            assertThat(english.format(arguments)).as(key).doesNotContain("{0").doesNotContain("{1");
            assertThat(chinese.format(arguments)).as(key).doesNotContain("{0").doesNotContain("{1");
        }
    }

    @Test
    void rendersARealFindingInChinese() {
        GeoMessage message = GeoMessage.of(GeoMessageKeys.SIBLING_OVERLAP, "230803001001001", "230803001001002",
                8470.26, 130.3095, 46.805);
        String text = new MessageFormat(chinese().getString(message.key()), Locale.SIMPLIFIED_CHINESE)
                .format(message.argumentArray());
        assertThat(text).isEqualTo("230803001001001 与 230803001001002 重叠 8,470.3 平方米，例如在 130.3095, 46.805 处。");
    }

    @Test
    void namesFeaturesForPeople() {
        FeatureRef ref = new FeatureRef(3, "230803001001004", "第四网格");
        String text = new MessageFormat(english().getString(ref.describe().key()), Locale.ENGLISH)
                .format(ref.describe().argumentArray());
        assertThat(text).isEqualTo("Feature 4 (code 230803001001004, 第四网格)");
        assertThat(new FeatureRef(0, null, null).describe().key()).isEqualTo(GeoMessageKeys.FEATURE_REF);
    }
}
