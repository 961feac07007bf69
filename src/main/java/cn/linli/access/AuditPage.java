package cn.linli.access;

import java.util.List;

/** One page of audit entries, newest first, and how many entries match in all. */
public record AuditPage(List<AuditEntry> entries, long total, int page, int size) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
