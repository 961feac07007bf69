package cn.linli.registry.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.linli.registry.RejectedRegistryInput;

/**
 * The kinds of file an import reads, told apart by their content, not by the name alone: an .xlsx is a ZIP archive
 * (starts with {@code PK\3\4}); a CSV is text without NUL bytes. CSV is UTF-8 or, as Chinese office software still
 * saves it by default, GBK (read as GB18030, its superset).
 */
public enum SheetFormat {

    CSV, XLSX;

    static final Charset GBK = Charset.forName("GB18030");
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    /** The format the file claims by its name and really has; refuses a file whose content is of another type. */
    public static SheetFormat of(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
        boolean zip = startsWith(content, ZIP);
        if (name.endsWith(".xlsx")) {
            if (!zip) throw new RejectedRegistryInput("file", "registry.import.error.not-xlsx");
            return XLSX;
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            if (zip || binary(content)) throw new RejectedRegistryInput("file", "registry.import.error.not-csv");
            return CSV;
        }
        throw new RejectedRegistryInput("file", "registry.import.error.file-type");
    }

    /** UTF-8 when every byte sequence is valid UTF-8 (a BOM or not), otherwise GBK. */
    public static Charset charsetOf(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return GBK;
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) return false;
        }
        return true;
    }

    /** Text files have no NUL bytes; spreadsheets of the old .xls format, images and archives do, early on. */
    private static boolean binary(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) return true;
        }
        return false;
    }
}
