package cn.linli.access.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.linli.access.AuditEntry;
import cn.linli.access.AuditLog;
import cn.linli.access.AuditPage;
import cn.linli.access.AuditQuery;
import cn.linli.access.CurrentActor;
import cn.linli.access.RejectedAccessInput;
import cn.linli.access.Role;

/**
 * The audit log for audit administrators (等保 2.0 asks that audit records be reviewable and protected from the
 * people they record, so nobody else sees it; 三员分立 gives this to the audit administrator alone): filter, page,
 * export as CSV, check the hash chain. The export and the check are themselves audited.
 */
@Controller
@RequestMapping("/access/audit")
class AuditPages {

    static final int PAGE_SIZE = 50;
    /** An export is for a case under review, not a copy of the whole trail. */
    static final int EXPORT_MAX = 10_000;
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final AuditLog audit;
    private final CurrentActor actors;

    AuditPages(AuditLog audit, CurrentActor actors) {
        this.audit = audit;
        this.actors = actors;
    }

    @GetMapping
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        requireAdministrator();
        model.addAttribute("actor", actor).addAttribute("action", action).addAttribute("subject", subject)
                .addAttribute("from", from).addAttribute("to", to).addAttribute("actions", audit.actions())
                .addAttribute("formatter", SHOWN);
        try {
            AuditPage result = audit.search(new AuditQuery(actor, action, subject, from, to), Math.max(page, 0), PAGE_SIZE);
            model.addAttribute("result", result);
        } catch (RejectedAccessInput rejected) {
            model.addAttribute("rejected", rejected);
        }
        return "access/audit";
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        requireAdministrator();
        List<AuditEntry> entries = audit.export(new AuditQuery(actor, action, subject, from, to), EXPORT_MAX);
        String filename = "linli-audit-" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(AuditCsv.of(entries, SHOWN));
    }

    /** Walks the hash chain and shows the outcome above the log: intact, or the first broken record. */
    @PostMapping("/verify")
    String verify(Model model) {
        requireAdministrator();
        model.addAttribute("check", audit.verifyChain());
        return page(null, null, null, null, null, 0, model);
    }

    private void requireAdministrator() {
        if (!actors.current().hasRole(Role.AUDIT_ADMIN)) {
            throw new AccessDeniedException("the audit log is for audit administrators");
        }
    }
}
