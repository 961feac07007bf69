/**
 * Cluster signals: tells the other Linli instances on the same database that shared data has changed, so that what
 * each instance keeps in memory (the territory history, the locate index, later the knowledge search index) is
 * refreshed everywhere. On PostgreSQL the signal is a {@code NOTIFY}; on H2 a counter row that every instance polls.
 * Both are transactional: a signal is seen by the others only when the change that sent it has committed.
 * <p>
 * Infrastructure like {@code web}: it depends on no module, and any module may use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cluster signals")
package cn.linli.cluster;
