package cn.linli.registry.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.linli.access.Mask;
import cn.linli.access.PersonalDataProtection;
import cn.linli.access.ProtectedValue;
import cn.linli.registry.ImportField;
import cn.linli.registry.MembershipKind;
import cn.linli.registry.Registry;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.IdentityDocument;

/**
 * Writes the current residents of some grids to an .xlsx in the import's own columns, so an export can be edited
 * and imported elsewhere. One row per resident and household: a resident registered and living in the same
 * household is one row (户籍人口). Identifiers are masked unless the caller has decided they may be shown.
 */
@Component
public class ExportSheet {

    public record Result(byte[] content, int rows) {
    }

    private static final String SELECT = """
            select b.address, h.grid_id, b.type as building_type, h.id as household_id, h.unit_no, h.floor_no, h.room,
                h.type as household_type, hr.name as head_name, r.id as resident_id, r.name, r.gender, r.ethnicity,
                r.birth_date, r.document_kind, r.document_number, r.document_index, r.phone, r.phone_index, m.relation,
                m.kind, r.education, r.employment, r.party_member
            from registry_membership m
            join registry_resident r on r.id = m.resident_id
            join registry_household h on h.id = m.household_id
            join registry_building b on b.id = h.building_id
            left join registry_resident hr on hr.id = h.head_id
            where m.valid_to is null and %s
            order by b.address, h.unit_no, h.room, h.id, r.id, m.kind""";

    private static final java.util.Locale FILE_LANGUAGE = java.util.Locale.SIMPLIFIED_CHINESE;

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataProtection protection;
    private final org.springframework.context.MessageSource messages;

    ExportSheet(NamedParameterJdbcTemplate jdbc, PersonalDataProtection protection, org.springframework.context.MessageSource messages) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.messages = messages;
    }

    /**
     * @param grids     the grids to export (null: all)
     * @param gridCodes grid id → code
     * @param names     how names are shown (masked above the community)
     */
    @Transactional(readOnly = true)
    public Result write(Collection<Long> grids, Map<Long, String> gridCodes, boolean unmasked, UnaryOperator<String> names) {
        var workbook = new SXSSFWorkbook(500);
        CellStyle text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        Sheet sheet = workbook.createSheet("registry");
        List<String> headings = java.util.Arrays.stream(ImportField.values()).map(ImportField::heading).toList();
        row(sheet, 0, headings, text);
        var params = new MapSqlParameterSource("grids", grids == null || grids.isEmpty() ? List.of(-1L) : grids);
        String condition = grids == null ? "1 = 1" : "h.grid_id in (:grids)";
        int[] count = {0};
        Object[] previous = {null, null};
        List<String>[] pending = new List[] {null};
        Set<MembershipKind>[] kinds = new Set[] {EnumSet.noneOf(MembershipKind.class)};
        jdbc.query(SELECT.formatted(condition), params, (ResultSet rs) -> {
            long household = rs.getLong("household_id");
            long resident = rs.getLong("resident_id");
            if (pending[0] != null && (previous[0].equals(household) && previous[1].equals(resident))) {
                kinds[0].add(MembershipKind.valueOf(rs.getString("kind")));
                return;
            }
            if (pending[0] != null) row(sheet, ++count[0], withResidence(pending[0], kinds[0]), text);
            previous[0] = household;
            previous[1] = resident;
            kinds[0] = EnumSet.of(MembershipKind.valueOf(rs.getString("kind")));
            pending[0] = values(rs, gridCodes, unmasked, names);
        });
        if (pending[0] != null) row(sheet, ++count[0], withResidence(pending[0], kinds[0]), text);
        return new Result(ImportWorkbooks.bytes(workbook), count[0]);
    }

    private List<String> values(ResultSet rs, Map<Long, String> gridCodes, boolean unmasked, UnaryOperator<String> names)
            throws SQLException {
        DocumentKind kind = DocumentKind.valueOf(rs.getString("document_kind"));
        String number = protection.reveal(Registry.RESIDENT_DOCUMENT,
                ProtectedValue.ofStoredText(rs.getString("document_number"), rs.getString("document_index")));
        String phone = rs.getString("phone") == null ? "" : protection.reveal(Registry.RESIDENT_PHONE,
                ProtectedValue.ofStoredText(rs.getString("phone"), rs.getString("phone_index")));
        boolean party = rs.getBoolean("party_member") && !rs.wasNull();
        List<String> values = new ArrayList<>(List.of(rs.getString("address"), gridCodes.getOrDefault(rs.getLong("grid_id"), ""),
                word("registry.building-type.", rs.getString("building_type")), String.valueOf(rs.getInt("unit_no")),
                String.valueOf(rs.getInt("floor_no")), rs.getString("room"), word("registry.household-type.", rs.getString("household_type")),
                rs.getString("head_name") == null ? "" : names.apply(rs.getString("head_name")), names.apply(rs.getString("name")),
                "MALE".equals(rs.getString("gender")) ? "男" : "女", text(rs.getString("ethnicity")),
                String.valueOf(rs.getObject("birth_date", java.time.LocalDate.class)), word("shared.document.", kind.name()),
                unmasked ? number : new IdentityDocument(kind, number).masked(),
                unmasked ? phone : text(Mask.PHONE.apply(phone.isEmpty() ? null : phone)),
                word("registry.relation.", rs.getString("relation"))));
        values.add("");
        values.addAll(List.of(text(rs.getString("education")), text(rs.getString("employment")), party ? "中共党员" : ""));
        return values;
    }

    /** 户籍人口 registered and living here, 流动人口 living here registered elsewhere, 人户分离 registered here only. */
    private static List<String> withResidence(List<String> values, Set<MembershipKind> kinds) {
        String residence = kinds.size() == 2 ? "户籍人口" : kinds.contains(MembershipKind.ACTUAL) ? "流动人口" : "人户分离";
        values.set(ImportField.RESIDENCE.ordinal(), residence);
        return values;
    }

    /** The value's Chinese name, which is also the word the import reads. Export files are in the offices' format. */
    private String word(String prefix, String name) {
        return messages.getMessage(prefix + name, null, name, FILE_LANGUAGE);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void row(Sheet sheet, int index, List<String> values, CellStyle style) {
        var row = sheet.createRow(index);
        for (int i = 0; i < values.size(); i++) {
            var cell = row.createCell(i);
            cell.setCellStyle(style);
            cell.setCellValue(values.get(i));
        }
    }
}
