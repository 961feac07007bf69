package cn.linli.access.web;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.linli.access.AuditEntry;

/**
 * Audit entries as CSV (RFC 4180) for Excel and WPS: UTF-8 with a byte-order mark, without which both open Chinese
 * text as mojibake. A cell that starts like a formula is prefixed with an apostrophe, so a subject typed by a user
 * cannot run as a formula on the reviewer's desk (CSV injection).
 */
final class AuditCsv {

    private static final String HEADER = "id,time (Asia/Shanghai),actor,action,subject,detail";

    private AuditCsv() {
    }

    static byte[] of(List<AuditEntry> entries, DateTimeFormatter time) {
        var text = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (AuditEntry entry : entries) {
            text.append(entry.id()).append(',').append(time.format(entry.occurredAt())).append(',')
                    .append(cell(entry.actor())).append(',').append(cell(entry.action())).append(',')
                    .append(cell(entry.subject())).append(',').append(cell(entry.detail())).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
