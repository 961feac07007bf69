package cn.linli.casework.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.linli.casework.CaseAttachment;
import cn.linli.casework.CaseAttachments;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseReceipt;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseView;
import cn.linli.casework.CaseWork;
import cn.linli.casework.internal.CaseAbilities.Ability;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Photos and files through the staff API: intake with files (multipart: the case as JSON in the part {@code case},
 * the files in {@code files}), files added to a case's intake afterwards, the result with photos, and reading them.
 * A refused file refuses the whole call; nothing is stored.
 */
@RestController
@RequestMapping(path = "/api/casework/cases")
@Tag(name = "casework-attachments", description = "Photos and files of cases (JPEG, PNG, WebP, HEIC photos; PDF documents)")
class CaseAttachmentApi {

    private final CaseWork work;
    private final CaseQueries queries;
    private final CaseAttachments attachments;
    private final CaseCommands commands;

    CaseAttachmentApi(CaseWork work, CaseQueries queries, CaseAttachments attachments, CaseCommands commands) {
        this.work = work;
        this.queries = queries;
        this.attachments = attachments;
        this.commands = commands;
    }

    @PostMapping(consumes = "multipart/form-data", produces = "application/json")
    @Operation(summary = "Take in a request with photos and files: part `case` (JSON, as POST application/json), parts `files`")
    ResponseEntity<CaseView> intake(@RequestPart("case") CaseIntakeRequest body,
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CaseReceipt receipt = work.receive(body.toNewCase(idempotencyKey), Uploads.of(files));
        CaseView view = found(receipt.caseId());
        if (receipt.repeated()) return ResponseEntity.ok(view);
        return ResponseEntity.created(URI.create("/api/casework/cases/" + view.id())).body(view);
    }

    @PostMapping(path = "/{id}/attachments", consumes = "multipart/form-data", produces = "application/json")
    @Operation(summary = "Add photos or files to a case's intake (parts `files`); 201 with all of the case's attachments")
    ResponseEntity<List<CaseAttachment>> add(@PathVariable long id, @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        List<CaseAttachment> all = attachments.addToIntake(id, Uploads.of(files));
        return ResponseEntity.created(URI.create("/api/casework/cases/" + id + "/attachments")).body(all);
    }

    @GetMapping(path = "/{id}/attachments", produces = "application/json")
    @Operation(summary = "The photos and files of a case, without their bytes; 404 outside the caller's scope")
    List<CaseAttachment> list(@PathVariable long id) {
        return attachments.of(id).orElseThrow(() -> unknown(id));
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "One photo or file with its stored content type; 404 outside the caller's scope")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long attachmentId) {
        return Uploads.send(attachments.content(id, attachmentId).orElseThrow(() -> unknown(id)));
    }

    @PostMapping(path = "/{id}/result", consumes = "multipart/form-data", produces = "application/json")
    @Operation(summary = "处置反馈 with photos (fields version, result; parts `files`)")
    CaseView result(@PathVariable long id, @RequestParam Map<String, String> form,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        commands.run(id, Ability.RESULT, CaseActionRequest.fromForm(form), Uploads.of(files));
        return found(id);
    }

    private CaseView found(long id) {
        return queries.find(id).orElseThrow(() -> unknown(id));
    }

    private static CaseRuleException unknown(long id) {
        return new CaseRuleException(CaseRuleException.Kind.NOT_FOUND, "id", "case.error.case-unknown", id);
    }
}
