package cn.linli.casework.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file a case accepts, recognised by their first bytes (magic numbers), never by the name or the type
 * the browser declared: a text or HTML file renamed .jpg must not be stored and later served as a photo.
 */
enum FileType {
    JPEG("image/jpeg", true), PNG("image/png", true), WEBP("image/webp", true), HEIC("image/heic", true),
    PDF("application/pdf", false);

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** ISO base media file brands of HEIF images as iPhones and Android phones write them. */
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1");

    final String contentType;
    final boolean photo;

    FileType(String contentType, boolean photo) {
        this.contentType = contentType;
        this.photo = photo;
    }

    static Optional<FileType> of(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return Optional.of(JPEG);
        if (b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 8), PNG_SIGNATURE)) return Optional.of(PNG);
        if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) return Optional.of(WEBP);
        if (b.length >= 12 && ascii(b, 4, 4).equals("ftyp") && HEIF_BRANDS.contains(ascii(b, 8, 4))) return Optional.of(HEIC);
        if (b.length >= 5 && ascii(b, 0, 5).equals("%PDF-")) return Optional.of(PDF);
        return Optional.empty();
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }
}
