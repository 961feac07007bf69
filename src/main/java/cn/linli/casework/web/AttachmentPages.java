package cn.linli.casework.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import cn.linli.casework.CaseAttachments;

/** Serves a case's photo or file to a signed-in user who may see the case; to everyone else it does not exist (404). */
@Controller
class AttachmentPages {

    private final CaseAttachments attachments;

    AttachmentPages(CaseAttachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/casework/cases/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long attachmentId) {
        return attachments.content(id, attachmentId).map(Uploads::send)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
