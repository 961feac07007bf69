package cn.linli.casework.internal;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import cn.linli.casework.CaseRuleException;
import cn.linli.casework.NewAttachment;
import cn.linli.shared.Sha256;

/**
 * Checks the photos and files of one step as a whole before anything is written: each must be a photo (JPEG, PNG,
 * WebP, HEIC) or a PDF document by its content, within the size limit; at most {@code max-per-step} photos, the nine
 * pictures a phone's share sheet sends at once. One bad file refuses the whole step.
 */
@Component
class AttachmentChecks {

    static final String FIELD = "photos";
    private static final int NAME_MAX = 120;

    /** A file that passed, with its type as read from its bytes, its cleaned name and its SHA-256. */
    record Checked(NewAttachment file, FileType type, String name, String sha256) {
    }

    private final DataSize maxSize;
    private final int maxPerStep;

    AttachmentChecks(@Value("${linli.casework.attachments.max-size:10MB}") DataSize maxSize,
            @Value("${linli.casework.attachments.max-per-step:9}") int maxPerStep) {
        this.maxSize = maxSize;
        this.maxPerStep = maxPerStep;
    }

    List<Checked> check(List<NewAttachment> files) {
        if (files == null || files.isEmpty()) return List.of();
        List<Checked> checked = files.stream().map(this::check).toList();
        if (checked.stream().filter(c -> c.type().photo).count() > maxPerStep) {
            throw CaseRuleException.invalid(FIELD, "attachment.error.too-many-photos", maxPerStep);
        }
        if (checked.stream().filter(c -> !c.type().photo).count() > maxPerStep) {
            throw CaseRuleException.invalid(FIELD, "attachment.error.too-many-files", maxPerStep);
        }
        return checked;
    }

    private Checked check(NewAttachment file) {
        String name = cleanName(file.fileName());
        if (file.size() == 0) throw CaseRuleException.invalid(FIELD, "attachment.error.empty", name);
        if (file.size() > maxSize.toBytes()) {
            throw CaseRuleException.invalid(FIELD, "attachment.error.too-large", name, maxSize.toMegabytes());
        }
        FileType type = FileType.of(file.content())
                .orElseThrow(() -> CaseRuleException.invalid(FIELD, "attachment.error.not-image", name));
        return new Checked(file, type, name, Sha256.hex(file.content()));
    }

    /**
     * The name as shown and sent back: no path (some browsers send C:\Users\…), no control characters or quotes
     * that could break a header, not too long; a nameless upload is called by its type.
     */
    static String cleanName(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>|:*?;]", "_").strip();
        if (name.length() > NAME_MAX) name = name.substring(name.length() - NAME_MAX);
        return name.isEmpty() || name.matches("\\.+") ? "file" : name;
    }
}
