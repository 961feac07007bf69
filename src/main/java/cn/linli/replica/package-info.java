/**
 * Read replica: when {@code linli.datasource.replica.url} names a PostgreSQL streaming replica, work that runs in a
 * read-only transaction ({@code @Transactional(readOnly = true)}: dispatch board lists, indicators, Open311 reads,
 * registry search and exports) reads from it; everything else, and every read of a request that follows the same
 * client's write, stays on the primary (decision 0015). Without a replica nothing changes: one pool, as before.
 * <p>
 * Infrastructure like {@code web}: it depends on no module, and modules use it only through the standard
 * read-only transaction attribute.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Read replica")
package cn.linli.replica;
