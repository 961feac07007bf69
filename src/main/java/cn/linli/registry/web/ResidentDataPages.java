package cn.linli.registry.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.linli.registry.RejectedRegistryInput;
import cn.linli.registry.ResidentData;
import cn.linli.registry.ResidentDataExports;
import cn.linli.registry.importing.ResidentDataWorkbook;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resident page's "export the resident's own data" (at the resident's request, with a reason), as .xlsx or
 * JSON. A refused request goes back to the resident page with the message, since a download cannot carry a page.
 */
@Controller
class ResidentDataPages {

    private final ResidentDataExports exports;
    private final ResidentDataWorkbook workbook;
    private final JsonMapper json;

    ResidentDataPages(ResidentDataExports exports, ResidentDataWorkbook workbook, JsonMapper json) {
        this.exports = exports;
        this.workbook = workbook;
        this.json = json;
    }

    @PostMapping("/registry/residents/{id}/data-export")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "xlsx") String format, Locale locale) {
        boolean asJson = "json".equals(format);
        ResidentData data;
        try {
            data = exports.export(id, reason, asJson ? "json" : "xlsx");
        } catch (RejectedRegistryInput e) {
            if (e.code().equals("registry.error.unknown-resident")) {
                throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/registry/residents/" + id + "?exportError=" + e.code())).build();
        }
        String name = "居民本人信息-" + id;
        if (asJson) {
            return file(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data), MediaType.APPLICATION_JSON, name + ".json");
        }
        return file(workbook.write(data, locale), ImportPages.XLSX, name + ".xlsx");
    }

    static ResponseEntity<byte[]> file(byte[] content, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString()).body(content);
    }
}
