package cn.linli.registry.importing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.SAXParserFactory;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx with POI's streaming (SAX) reader, so a large file does not become a workbook of
 * objects in memory. Dates come out as ISO dates whatever their display format, whole numbers without exponent or
 * grouping (an ID number or phone stored as a number stays readable, as far as Excel kept its digits).
 */
final class XlsxSheet {

    private XlsxSheet() {
    }

    static void read(byte[] content, RowSink sink) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            var strings = new ReadOnlySharedStringsTable(pkg);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) return;
            try (InputStream sheet = sheets.next()) {
                SAXParserFactory factory = SAXParserFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                XMLReader xml = factory.newSAXParser().getXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, new Rows(sink),
                        new PlainFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (org.apache.poi.ooxml.POIXMLException | org.apache.poi.UnsupportedFileFormatException
                | org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException | org.apache.poi.util.RecordFormatException e) {
            // a damaged workbook (found by the fuzz tests: a missing sheet part, a ZIP with no workbook in it)
            throw new UnreadableFileException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadableFileException(e);
        }
    }

    /** Cells by column, gaps filled with empty text. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowSink sink;
        private List<String> cells;

        Rows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(c -> !c.isBlank())) sink.row(rowNum + 1, cells);
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int column = new CellReference(ref).getCol();
            while (cells.size() < column) cells.add("");
            cells.add(value == null ? "" : value);
        }
    }

    private static final class PlainFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e18) return new BigDecimal(value).toPlainString();
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
