package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SnapshotFileTest {

    /** Lines 1–5; a line appended by a test is line 6. */
    private static final String VALID = """
            code,name,level,parent_code,urban_rural_code
            230800000000,佳木斯市,city,230000000000,
            230803000000,向阳区,county,230800000000,
            230803001000,西林街道办事处,township,230803000000,
            230803001001,热源社区居委会,village,230803001000,111
            """;

    @Test
    void readsTheReal2016List() {
        List<SnapshotRow> rows = RealSnapshots.rows(RealSnapshots.Y2016);
        assertThat(rows).hasSize(1636);
        assertThat(rows.get(0)).isEqualTo(new SnapshotRow(DivisionCode.of("230800000000"), "佳木斯市", DivisionLevel.CITY,
                DivisionCode.of("230000000000"), null));
        assertThat(rows).filteredOn(row -> row.code().value().equals("230804198016")).singleElement()
                .isEqualTo(new SnapshotRow(DivisionCode.of("230804198016"), "枫桥社区居民委员会", DivisionLevel.COMMUNITY,
                        DivisionCode.of("230804198000"), "121"));
    }

    @Test
    void readsTheReal2023ListWithoutUrbanRuralColumn() {
        List<SnapshotRow> rows = RealSnapshots.rows(RealSnapshots.Y2023);
        assertThat(rows).hasSize(1678).allSatisfy(row -> assertThat(row.urbanRural()).isNull());
    }

    @Test
    void acceptsByteOrderMarkExtraColumnsOtherOrderAndQuotes() {
        String csv = "\uFEFFlat,parent_code,level,name,code\r\n"
                + "46.8,230000000000,city,佳木斯市,230800000000\r\n"
                + "46.8,230800000000,county,\"向阳区, \"\"城区\"\"\",230803000000\r\n";
        assertThat(read(csv)).isEqualTo(new SnapshotReading.Accepted(List.of(
                new SnapshotRow(DivisionCode.of("230800000000"), "佳木斯市", DivisionLevel.CITY, DivisionCode.of("230000000000"), null),
                new SnapshotRow(DivisionCode.of("230803000000"), "向阳区, \"城区\"", DivisionLevel.COUNTY,
                        DivisionCode.of("230800000000"), null))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            too few columns        | 230803001002,永丰社区居委会,village                       | parent_code      | snapshot.row.missing-value
            empty level            | 230803001002,永丰社区居委会,,230803001000,111             | level            | snapshot.row.missing-value
            code of 11 digits      | 23080300100,永丰社区居委会,village,230803001000,111       | code             | snapshot.row.code.length
            code with letters      | 2308030010A2,永丰社区居委会,village,230803001000,111      | code             | snapshot.row.code.length
            code that cannot nest  | 230803000002,永丰社区居委会,village,230803001000,111      | code             | snapshot.row.code.structure
            unknown level          | 230803001002,永丰社区居委会,town,230803001000,111         | level            | snapshot.row.level.unknown
            level against digits   | 230803001002,永丰社区居委会,township,230803000000,        | level            | snapshot.row.level.contradicts-code
            township class 650     | 230803650000,某农场,township,230803000000,                | code             | snapshot.row.code.township-class
            village class 700      | 230803001700,某生活区,village,230803001000,               | code             | snapshot.row.code.village-class
            parent not in file     | 230803002001,永丰社区居委会,village,230803002000,111      | parent_code      | snapshot.row.parent.unknown
            parent of wrong level  | 230803001002,永丰社区居委会,village,230803000000,111      | parent_code      | snapshot.row.parent.wrong-level
            parent does not nest   | 230805001002,永丰社区居委会,village,230803001000,111      | parent_code      | snapshot.row.parent.not-nesting
            parent code malformed  | 230803001002,永丰社区居委会,village,2308030010,111        | parent_code      | snapshot.row.parent.length
            duplicate code         | 230803001001,永丰社区居委会,village,230803001000,111      | code             | snapshot.row.code.duplicate
            empty name             | 230803001002,  ,village,230803001000,111                  | name             | snapshot.row.name.empty
            unknown urban-rural    | 230803001002,永丰社区居委会,village,230803001000,113      | urban_rural_code | snapshot.row.urban-rural.unknown
            second city            | 230900000000,双鸭山市,city,230000000000,                  | level            | snapshot.row.city.duplicate
            unterminated quote     | 230803001002,"永丰社区居委会,village,230803001000,111     |                  | snapshot.row.csv.unterminated-quote
            """)
    void reportsTheBadLineWithItsNumberFieldAndReason(String label, String badLine, String field, String key) {
        SnapshotReading reading = read(VALID + badLine + "\n");

        assertThat(reading).isInstanceOf(SnapshotReading.Rejected.class);
        assertThat(((SnapshotReading.Rejected) reading).problems())
                .extracting(SnapshotProblem::line, SnapshotProblem::field, SnapshotProblem::messageKey)
                .containsExactly(tuple(6, field, key));
    }

    @Test
    void argumentsNameTheOffendingValues() {
        assertThat(problems(VALID + "230803001001,永丰社区居委会,village,230803001000,111\n"))
                .containsExactly(new SnapshotProblem(6, "code", "snapshot.row.code.duplicate", List.of("230803001001", "5")));
        assertThat(problems(VALID + "230803001002,永丰,township,230803000000,\n"))
                .containsExactly(new SnapshotProblem(6, "level", "snapshot.row.level.contradicts-code",
                        List.of("township", "230803001002", "village")));
        assertThat(problems(VALID + "230803001002,永丰,village,230803000000,\n"))
                .containsExactly(new SnapshotProblem(6, "parent_code", "snapshot.row.parent.wrong-level",
                        List.of("230803000000", "county", "village", "township")));
    }

    @Test
    void reportsEveryBadLineAndNoRows() {
        String csv = VALID
                + "230803001002,永丰社区居委会,hamlet,230803001000,111\n" // 6
                + "\n" // 7: blank lines are skipped but counted
                + "230803001003,,village,230803001000,111\n" // 8
                + "230803001004,四海社区居委会,village,230803009000,999\n"; // 9
        assertThat(problems(csv)).extracting(SnapshotProblem::line, SnapshotProblem::messageKey).containsExactly(
                tuple(6, "snapshot.row.level.unknown"),
                tuple(8, "snapshot.row.name.empty"),
                tuple(9, "snapshot.row.urban-rural.unknown"),
                tuple(9, "snapshot.row.parent.unknown"));
    }

    @Test
    void aChildOfABrokenLineIsNotAlsoReportedAsAnOrphan() {
        String csv = VALID
                + "230803002000,保卫街道办事处,street,230803000000,\n"
                + "230803002001,青云社区居委会,village,230803002000,111\n";
        assertThat(problems(csv)).extracting(SnapshotProblem::line, SnapshotProblem::messageKey)
                .containsExactly(tuple(6, "snapshot.row.level.unknown"));
    }

    @Test
    void missingHeaderColumnsAreReportedOnLineOne() {
        assertThat(problems("code,name,level\n230800000000,佳木斯市,city\n"))
                .containsExactly(new SnapshotProblem(1, "parent_code", "snapshot.header.missing-column", List.of("parent_code")));
    }

    @Test
    void exactlyOneCityIsRequired() {
        assertThat(problems("code,name,level,parent_code\n230803000000,向阳区,county,230800000000\n"))
                .extracting(SnapshotProblem::line, SnapshotProblem::messageKey)
                .containsExactly(tuple(0, "snapshot.file.no-city"), tuple(2, "snapshot.row.parent.unknown"));
        assertThat(problems("code,name,level,parent_code\n230800000000,佳木斯市,city,220000000000\n"))
                .containsExactly(new SnapshotProblem(2, "parent_code", "snapshot.row.city.parent",
                        List.of("220000000000", "230000000000")));
    }

    @Test
    void emptyFilesAndOtherEncodingsAreRefused() {
        assertThat(problems("")).extracting(SnapshotProblem::messageKey).containsExactly("snapshot.file.empty");
        byte[] gbk = (VALID + "230803001002,永丰社区居委会,village,230803001000,111\n").getBytes(Charset.forName("GBK"));
        SnapshotReading reading = SnapshotFile.read(new ByteArrayInputStream(gbk));
        assertThat(((SnapshotReading.Rejected) reading).problems()).singleElement()
                .extracting(SnapshotProblem::messageKey).isEqualTo("snapshot.file.encoding");
    }

    private static SnapshotReading read(String csv) {
        return SnapshotFile.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<SnapshotProblem> problems(String csv) {
        SnapshotReading reading = read(csv);
        assertThat(reading).isInstanceOf(SnapshotReading.Rejected.class);
        return ((SnapshotReading.Rejected) reading).problems();
    }
}
