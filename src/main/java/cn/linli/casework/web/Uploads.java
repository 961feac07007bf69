package cn.linli.casework.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

import cn.linli.casework.AttachmentContent;
import cn.linli.casework.CaseAttachment;
import cn.linli.casework.NewAttachment;

/**
 * Photos and files between HTTP and casework: uploads read into {@link NewAttachment}s, and stored files sent back so
 * that no browser can be made to run them: the type read from the bytes at upload, {@code nosniff}, a sandboxing
 * content security policy, and the (already cleaned) name encoded in {@code Content-Disposition}.
 */
final class Uploads {

    private Uploads() {
    }

    /** The files of a form; a file input left empty still sends a part with no name and no bytes, which is skipped. */
    static List<NewAttachment> of(List<MultipartFile> parts) {
        if (parts == null) return List.of();
        return parts.stream().filter(p -> !(p.isEmpty() && (p.getOriginalFilename() == null || p.getOriginalFilename().isBlank())))
                .map(Uploads::read).toList();
    }

    private static NewAttachment read(MultipartFile part) {
        try {
            return new NewAttachment(part.getOriginalFilename(), part.getContentType(), part.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
    }

    static ResponseEntity<byte[]> send(AttachmentContent content) {
        CaseAttachment a = content.attachment();
        // Photos are shown in the page; anything else (PDF) is downloaded rather than opened by a plug-in in our origin.
        ContentDisposition disposition = (a.photo() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(a.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(content.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .eTag('"' + a.sha256() + '"')
                .body(content.bytes());
    }
}
