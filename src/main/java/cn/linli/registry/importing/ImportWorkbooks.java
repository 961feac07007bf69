package cn.linli.registry.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.linli.registry.ImportField;
import cn.linli.registry.ImportProblem;
import cn.linli.registry.ImportStatus;

/**
 * The workbooks around an import: the template to fill in, and the rejected rows of a file with a column saying
 * why. Every cell is text, so that Excel keeps ID numbers whole instead of rounding them to 15 digits.
 */
@Component
public class ImportWorkbooks {

    /** The example row of the template: a synthetic person (area code 230899 is assigned to no place). */
    static final List<String> EXAMPLE = List.of("前进区永安街道幸福小区3号楼", "230804007001001", "住宅", "1", "3", "301",
            "户籍户", "张伟", "张伟", "男", "汉族", "1985-06-15", "居民身份证", "230899198506150016", "13800001234", "户主",
            "户籍人口", "大学本科", "在业", "群众");

    private final MessageSource messages;

    ImportWorkbooks(MessageSource messages) {
        this.messages = messages;
    }

    /** The heading row and its number as the sheet shows it (1 for a file that starts with its headings). */
    public record HeadingRow(int rowNo, List<String> headings) {
    }

    /** Offices put a title or two above the headings; they are looked for among the first rows. */
    static final int HEADING_SEARCH = 10;

    /**
     * The row among the first {@value #HEADING_SEARCH} that best matches the headings offices use
     * ({@link HeadingMatcher#fit}); the first row when none matches at all, so the user maps its columns by hand.
     */
    public HeadingRow headings(SheetFormat format, Charset charset, byte[] content) {
        List<HeadingRow> rows = new ArrayList<>();
        try {
            Sheets.read(format, charset, content, (rowNo, cells) -> {
                rows.add(new HeadingRow(rowNo, cells.stream().map(String::strip).toList()));
                if (rows.size() == HEADING_SEARCH) throw new FirstRowRead();
            });
        } catch (FirstRowRead done) {
            // only the first rows were wanted
        } catch (UnreadableFileException | IllegalStateException e) {
            throw new cn.linli.registry.RejectedRegistryInput("file", "registry.import.error.unreadable");
        }
        if (rows.isEmpty()) return new HeadingRow(1, List.of());
        HeadingRow best = rows.get(0);
        double bestFit = HeadingMatcher.fit(best.headings());
        for (HeadingRow row : rows) {
            double fit = HeadingMatcher.fit(row.headings());
            if (fit > bestFit) {
                best = row;
                bestFit = fit;
            }
        }
        return best;
    }

    public byte[] template(Locale locale) {
        var workbook = new SXSSFWorkbook();
        CellStyle text = textStyle(workbook);
        Sheet sheet = workbook.createSheet(message("registry.import.template.sheet", locale));
        List<String> headings = java.util.Arrays.stream(ImportField.values()).map(ImportField::heading).toList();
        write(sheet.createRow(0), headings, text);
        write(sheet.createRow(1), EXAMPLE, text);
        for (int i = 0; i < headings.size(); i++) sheet.setDefaultColumnStyle(i, text);
        Sheet notes = workbook.createSheet(message("registry.import.template.notes", locale));
        int r = 0;
        for (ImportField field : ImportField.values()) {
            write(notes.createRow(r++), List.of(field.heading(), message(field.required()
                    ? "registry.import.template.required" : "registry.import.template.optional", locale),
                    message("registry.import.note." + field.name(), locale)), text);
        }
        return bytes(workbook);
    }

    /** The rejected rows as they were, the reason in a last column, in the order of the file. */
    public byte[] rejected(ImportStatus job, byte[] content, List<ImportProblem> problems, Locale locale) {
        Map<Integer, ImportProblem> byRow = new HashMap<>();
        problems.forEach(p -> byRow.putIfAbsent(p.row(), p));
        var workbook = new SXSSFWorkbook(200);
        CellStyle text = textStyle(workbook);
        Sheet sheet = workbook.createSheet(message("registry.import.rejected.sheet", locale));
        List<String> headings = new ArrayList<>(job.headings());
        headings.add(message("registry.import.rejected.row", locale));
        headings.add(message("registry.import.rejected.reason", locale));
        write(sheet.createRow(0), headings, text);
        int[] next = {1};
        Sheets.read(SheetFormat.valueOf(job.format()), job.charset() == null ? null : Charset.forName(job.charset()),
                content, (rowNo, cells) -> {
                    ImportProblem problem = byRow.get(rowNo);
                    if (problem == null) return;
                    List<String> values = new ArrayList<>(cells);
                    while (values.size() < job.headings().size()) values.add("");
                    values = new ArrayList<>(values.subList(0, job.headings().size()));
                    values.add(String.valueOf(rowNo));
                    values.add(reason(problem, locale));
                    write(sheet.createRow(next[0]++), values, text);
                });
        return bytes(workbook);
    }

    /** "公民身份号码：校验码不对。" */
    public String reason(ImportProblem problem, Locale locale) {
        String field = message(problem.field().labelKey(), locale);
        String why = messages.getMessage(problem.code(), problem.argument() == null ? new Object[0]
                : new Object[] {problem.argument()}, problem.code(), locale);
        return message("registry.import.reason", locale, field, why);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    static CellStyle textStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat("@"));
        return style;
    }

    static void write(Row row, List<String> values, CellStyle style) {
        for (int i = 0; i < values.size(); i++) {
            var cell = row.createCell(i);
            cell.setCellStyle(style);
            cell.setCellValue(values.get(i));
        }
    }

    /** The workbook's file; its temporary files are deleted. */
    public static byte[] bytes(SXSSFWorkbook workbook) {
        try (workbook) {
            var out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private static final class FirstRowRead extends RuntimeException {
        FirstRowRead() {
            super(null, null, false, false);
        }
    }
}
