package cn.linli.open311.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;

import cn.linli.open311.Open311Rejected;

/** The format a request asked for by its extension, and the documents written in it. */
enum Format {
    XML, JSON;

    static Format of(String extension) {
        if ("xml".equals(extension)) return XML;
        if ("json".equals(extension)) return JSON;
        throw new Open311Rejected(404, "format ." + extension + " is not supported: use .xml or .json");
    }

    /** For refusals: JSON when the path asked for it, otherwise XML, the specification's required format. */
    static Format ofRequest(HttpServletRequest request) {
        return request.getRequestURI().endsWith(".json") ? JSON : XML;
    }

    ResponseEntity<String> list(String root, String item, List<? extends Map<String, ?>> items) {
        return ok(this == XML ? Documents.xmlList(root, item, items) : Documents.jsonList(items));
    }

    ResponseEntity<String> object(String root, Map<String, ?> fields) {
        return ok(this == XML ? Documents.xmlObject(root, fields) : Documents.jsonObject(fields));
    }

    ResponseEntity<String> errors(int status, List<String> descriptions) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (String description : descriptions) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status);
            error.put("description", description);
            errors.add(error);
        }
        String body = this == XML ? Documents.xmlList("errors", "error", errors) : Documents.jsonList(errors);
        return ResponseEntity.status(status).contentType(this == XML ? Open311Api.XML : Open311Api.JSON).body(body);
    }

    private ResponseEntity<String> ok(String body) {
        return ResponseEntity.ok().contentType(this == XML ? Open311Api.XML : Open311Api.JSON).body(body);
    }
}
