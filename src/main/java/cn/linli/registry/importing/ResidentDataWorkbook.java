package cn.linli.registry.importing;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.linli.registry.CareTagView;
import cn.linli.registry.ResidentData;

/**
 * A resident's own data as an .xlsx for the resident: one sheet for the personal fields, then memberships, care
 * tags, visits and the record of who read the data. Every cell is text, like the other registry workbooks.
 */
@Component
public class ResidentDataWorkbook {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final MessageSource messages;

    ResidentDataWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] write(ResidentData data, Locale locale) {
        var workbook = new SXSSFWorkbook();
        CellStyle text = ImportWorkbooks.textStyle(workbook);
        var p = data.personal();
        table(workbook, text, "personal", locale, List.of("field", "value"), Stream.of(
                List.of(label("name", locale), p.name()),
                List.of(label("gender", locale), message("registry.web.gender." + p.gender(), locale)),
                List.of(label("birth-date", locale), s(p.birthDate())),
                List.of(message(p.documentKind().labelKey(), locale), s(p.documentNumber())),
                List.of(label("phone", locale), s(p.phone())),
                List.of(label("ethnicity", locale), s(p.ethnicity())),
                List.of(label("education", locale), s(p.education())),
                List.of(label("employment", locale), s(p.employment())),
                List.of(label("party-member", locale), p.partyMember() == null ? "" : label(p.partyMember() ? "yes" : "no", locale)),
                List.of(label("status", locale), message(p.status().labelKey(), locale) + " " + s(p.statusSince())),
                List.of(label("exported", locale), SHOWN.format(data.exportedAt()) + " " + data.exportedBy() + " " + data.reason()))
                .toList());
        table(workbook, text, "memberships", locale, List.of("household", "address", "kind", "relation", "from", "to"),
                data.memberships().stream().map(m -> List.of(String.valueOf(m.householdId()), s(m.address()),
                        message(m.kind().labelKey(), locale), message(m.relation().labelKey(), locale), s(m.validFrom()),
                        s(m.validTo()))).toList());
        table(workbook, text, "care-tags", locale, List.of("tag", "grade", "from", "to"),
                data.careTags().stream().map(t -> List.of(tagName(t, locale), s(t.grade()), s(t.validFrom()), s(t.validTo())))
                        .toList());
        table(workbook, text, "visits", locale, List.of("household", "date", "visitor", "findings", "follow-up"),
                data.visits().stream().map(v -> List.of(String.valueOf(v.householdId()), s(v.visitedOn()), v.visitor(),
                        v.findings(), v.followUp() ? label("yes", locale) : label("no", locale))).toList());
        table(workbook, text, "accesses", locale, List.of("when", "who", "action", "detail"),
                data.accesses().stream().map(a -> List.of(SHOWN.format(a.at()), a.actor(), a.action(), s(a.detail()))).toList());
        return ImportWorkbooks.bytes(workbook);
    }

    private void table(SXSSFWorkbook workbook, CellStyle text, String name, Locale locale, List<String> headings,
            List<List<String>> rows) {
        Sheet sheet = workbook.createSheet(message("registry.subject-export.sheet." + name, locale));
        ImportWorkbooks.write(sheet.createRow(0), headings.stream()
                .map(h -> message("registry.subject-export.column." + h, locale)).toList(), text);
        int r = 1;
        for (List<String> row : rows) ImportWorkbooks.write(sheet.createRow(r++), new ArrayList<>(row), text);
    }

    private String tagName(CareTagView tag, Locale locale) {
        return "zh".equals(locale.getLanguage()) ? tag.nameZh() : tag.nameEn();
    }

    private String label(String key, Locale locale) {
        return message("registry.web." + key, locale);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String s(Object value) {
        return value == null ? "" : value.toString();
    }

}
