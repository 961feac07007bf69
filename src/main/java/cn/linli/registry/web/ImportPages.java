package cn.linli.registry.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

import cn.linli.registry.ImportField;
import cn.linli.registry.ImportState;
import cn.linli.registry.ImportStatus;
import cn.linli.registry.RegistryImports;
import cn.linli.registry.RejectedRegistryInput;
import cn.linli.registry.importing.ImportWorkbooks;

/**
 * The import pages: upload, confirm the columns, watch the check (the page polls every second; the state is in the
 * database, so a reload or another instance finds it), read the rejected rows, then import the good ones or fix the
 * file. Only the uploader sees an import.
 */
@Controller
class ImportPages {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final int SHOWN_PROBLEMS = 500;

    private final RegistryImports imports;
    private final ImportWorkbooks workbooks;
    private final MessageSource messages;

    ImportPages(RegistryImports imports, ImportWorkbooks workbooks, MessageSource messages) {
        this.imports = imports;
        this.workbooks = workbooks;
        this.messages = messages;
    }

    @GetMapping("/registry/import")
    String start(Model model) {
        model.addAttribute("imports", imports.recent());
        return "registry/import";
    }

    @PostMapping("/registry/import")
    String upload(@RequestPart(name = "file", required = false) MultipartFile file, Model model, Locale locale) {
        try {
            if (file == null || file.isEmpty()) throw new RejectedRegistryInput("file", "registry.import.error.empty");
            return "redirect:/registry/import/" + imports.upload(file.getOriginalFilename(), file.getBytes()).id();
        } catch (RejectedRegistryInput e) {
            model.addAttribute("error", messages.getMessage(e, locale));
            return start(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/registry/import/template.xlsx")
    ResponseEntity<byte[]> template(Locale locale) {
        return download(imports.template(locale), "人口登记导入模板.xlsx");
    }

    @GetMapping("/registry/import/{id}")
    String job(@PathVariable String id, Model model, Locale locale) {
        ImportStatus job = own(id);
        model.addAttribute("job", job);
        model.addAttribute("fields", ImportField.values());
        if (job.state() == ImportState.VALIDATED || job.state() == ImportState.IMPORTED || job.state() == ImportState.FAILED) {
            model.addAttribute("problems", imports.problems(id, SHOWN_PROBLEMS).stream()
                    .map(p -> Map.of("row", p.row(), "reason", workbooks.reason(p, locale))).toList());
        }
        return "registry/import-job";
    }

    /** The progress bar alone; once the step is over, htmx reloads the whole page to show the outcome. */
    @GetMapping("/registry/import/{id}/progress")
    String progress(@PathVariable String id, Model model, HttpServletResponse response) {
        ImportStatus job = own(id);
        if (!job.state().running()) response.setHeader("HX-Refresh", "true");
        model.addAttribute("job", job);
        return "registry/import-job :: progress";
    }

    @PostMapping("/registry/import/{id}/mapping")
    String mapping(@PathVariable String id, @RequestParam Map<String, String> form, Model model, Locale locale) {
        own(id);
        Map<ImportField, Integer> mapping = new EnumMap<>(ImportField.class);
        for (ImportField field : ImportField.values()) {
            String column = form.get("column-" + field.name());
            if (column != null && column.matches("\\d{1,3}")) mapping.put(field, Integer.valueOf(column));
        }
        try {
            imports.validate(id, mapping);
        } catch (RejectedRegistryInput e) {
            model.addAttribute("error", messages.getMessage(e, locale));
            return job(id, model, locale);
        }
        return "redirect:/registry/import/" + id;
    }

    @PostMapping("/registry/import/{id}/commit")
    String commit(@PathVariable String id, Model model, Locale locale) {
        own(id);
        try {
            imports.commit(id);
        } catch (RejectedRegistryInput e) {
            model.addAttribute("error", messages.getMessage(e, locale));
            return job(id, model, locale);
        }
        return "redirect:/registry/import/" + id;
    }

    @GetMapping("/registry/import/{id}/rejected.xlsx")
    ResponseEntity<byte[]> rejected(@PathVariable String id, Locale locale) {
        own(id);
        return download(imports.rejectedRows(id, locale), "未导入的行.xlsx");
    }

    /** Another user's import, or none: 404 alike, as for records outside the scope. */
    private ImportStatus own(String id) {
        return imports.status(id).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND));
    }

    static ResponseEntity<byte[]> download(byte[] content, String fileName) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
