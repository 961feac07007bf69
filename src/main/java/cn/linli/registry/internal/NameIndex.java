package cn.linli.registry.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry's own index for searching residents by part of their name (registry_name_index, see V7_60): one row
 * per character of a name with the character after it, under each grid the resident is seen in. Chinese names are
 * two to four characters with no spaces, so a trigram index has nothing to hold on to; every name that contains a
 * text contains the text's last two characters side by side (or its one character), which is one exact key under
 * each of the reader's grids. Every change that moves a resident between grids or renames them rewrites their rows
 * in its own transaction ({@link #refresh}, {@link #rename}, {@link #forget}); bulk writers add {@link #rows} with
 * their residents.
 */
@Repository
public class NameIndex {

    public static final String TABLE = "registry_name_index";
    public static final List<String> COLUMNS = List.of("grid_id", "first_char", "next_char", "resident_id", "name");

    /** One key of the index: a character of a name and the one after it ("" after the last). */
    record Key(String first, String next) {
    }

    /**
     * The grids a resident is seen in: those of the households they belong to now or, belonging to none, left last
     * (the rule of {@code ResidentStore}).
     */
    private static final String SEEN_IN = """
            select distinct h.grid_id from registry_membership m join registry_household h on h.id = m.household_id
            where m.resident_id = :id and (m.valid_to is null or not exists (select 1 from registry_membership c
                where c.resident_id = m.resident_id and (c.valid_to is null or c.valid_to > m.valid_to)))""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    NameIndex(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The keys of a name, in code points, as PostgreSQL's substr counts them (V7_61). */
    static Set<Key> keys(String name) {
        int[] points = name.codePoints().toArray();
        Set<Key> keys = new LinkedHashSet<>();
        for (int i = 0; i < points.length; i++) {
            keys.add(new Key(Character.toString(points[i]), i + 1 < points.length ? Character.toString(points[i + 1]) : ""));
        }
        return keys;
    }

    /** The rows ({@link #COLUMNS}) of a new resident seen in the grids, for a bulk insert. */
    public static List<Object[]> rows(long residentId, String name, Collection<Long> grids) {
        List<Object[]> rows = new ArrayList<>();
        for (long grid : Set.copyOf(grids)) {
            for (Key key : keys(name)) rows.add(new Object[] {grid, key.first(), key.next(), residentId, name});
        }
        return rows;
    }

    /**
     * Rewrites the resident's rows from their name and memberships as they are now in this transaction, after a
     * registration, a move or a death: the name is unchanged, so the old rows are under its characters.
     */
    public void refresh(long residentId) {
        String name = currentName(residentId);
        if (name != null) rename(residentId, name);
    }

    /** Rewrites the resident's rows after their name changed from {@code oldName}. */
    public void rename(long residentId, String oldName) {
        forget(residentId, oldName);
        String name = currentName(residentId);
        if (name == null) return;
        List<Long> grids = jdbc.sql(SEEN_IN).param("id", residentId).query(Long.class).list();
        batch.batchUpdate("insert into " + TABLE + " (" + String.join(", ", COLUMNS) + ") values (?, ?, ?, ?, ?)",
                rows(residentId, name, grids));
    }

    /**
     * Removes the resident's rows, filed under the characters of {@code name}. They can only lie in grids the
     * resident ever belonged to (memberships are closed, never deleted), so the delete reads a few index entries
     * per character and grid.
     */
    public void forget(long residentId, String name) {
        List<Long> ever = jdbc.sql("""
                select distinct h.grid_id from registry_membership m join registry_household h on h.id = m.household_id
                where m.resident_id = ?""").param(residentId).query(Long.class).list();
        if (ever.isEmpty()) return;
        jdbc.sql("delete from " + TABLE + " where first_char in (:chars) and grid_id in (:grids) and resident_id = :id")
                .param("chars", keys(name).stream().map(Key::first).distinct().toList()).param("grids", ever)
                .param("id", residentId).update();
    }

    private String currentName(long residentId) {
        return jdbc.sql("select name from registry_resident where id = ? and anonymised_on is null")
                .param(residentId).query(String.class).optional().orElse(null);
    }

    /**
     * A condition that the resident {@code r.id} matches the text under the scope's grids, with at most
     * {@code :limit} candidates in name order; binds {@code :first}, {@code :next} (unused for one character),
     * {@code :pattern} ({@link #pattern}) and {@code :grids}. The index leads with the character, then the grid: a
     * community seeks its few grids under the character and reads only its matches; the whole city reads the
     * character's one range (for the commonest surname some 50,000 entries of the index, none of the table).
     */
    static String condition(String text, Scope scope) {
        String next = text.codePointCount(0, text.length()) > 1 ? " and n.next_char = :next" : "";
        String grids = scope.everything() ? "" : " and " + scope.condition("n.grid_id");
        return """
                r.id = any(array(select d.resident_id from (select distinct n.resident_id, n.name from registry_name_index n
                    where n.first_char = :first%s%s and n.name like :pattern escape '\\') d
                    order by d.name, d.resident_id limit :limit))""".formatted(grids, next);
    }

    /** The key looked up for a search text: its last two characters, or its only one. */
    static Key key(String text) {
        int[] points = text.codePoints().toArray();
        if (points.length == 1) return new Key(Character.toString(points[0]), "");
        return new Key(Character.toString(points[points.length - 2]), Character.toString(points[points.length - 1]));
    }

    /** The text as a LIKE pattern for "contains", with the wildcards a user may type taken literally. */
    static String pattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
