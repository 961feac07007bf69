import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints "table rows" for every table of Linli's schema, sorted by name, so that two databases (a source and its
 * restored copy, PostgreSQL or H2) can be compared with diff. Run with the JDBC drivers on the class path:
 * java -cp DRIVERS ops/TableCounts.java URL USER [PASSWORD] [SCHEMA]
 */
public class TableCounts {

    public static void main(String[] args) throws SQLException {
        String schema = args.length > 3 ? args[3] : "public";
        try (Connection db = DriverManager.getConnection(args[0], args[1], args.length > 2 ? args[2] : "")) {
            List<String> tables = new ArrayList<>();
            // H2 and PostgreSQL both answer information_schema; H2 keeps its own tables elsewhere
            try (ResultSet rs = db.createStatement().executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = '" + schema + "' and table_type in ('BASE TABLE', 'TABLE') order by table_name")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String table : tables) {
                try (ResultSet rs = db.createStatement().executeQuery("select count(*) from " + schema + ".\"" + table + "\"")) {
                    rs.next();
                    System.out.println(table + " " + rs.getLong(1));
                }
            }
        }
    }
}
