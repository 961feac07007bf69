package cn.linli.access.internal.audit;

/** The content of an audit record that its chain hash covers, with the time in microseconds (what both databases keep). */
record ChainedRecord(long id, long position, long occurredAtMicros, String actor, String action, String subject,
        String detail) {
}
