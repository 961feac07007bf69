package cn.linli.registry.importing;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.linli.registry.BuildingType;
import cn.linli.registry.HouseholdType;
import cn.linli.registry.ImportField;
import cn.linli.registry.MembershipKind;
import cn.linli.registry.NewResident;
import cn.linli.registry.Relation;
import cn.linli.registry.RejectedRegistryInput;
import cn.linli.registry.internal.Scope;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;

/**
 * Reads one row into an {@link ImportRow} with the registry's own rules ({@link NewResident} checks the ID number,
 * its check character and the date of birth and sex it carries), or rejects it naming the field. A row without name
 * and document number lists a household without residents.
 */
final class RowReader {

    /** NewResident's fields as the import names them. */
    private static final Map<String, ImportField> RESIDENT_FIELDS = Map.of("name", ImportField.NAME, "gender",
            ImportField.GENDER, "birthDate", ImportField.BIRTH_DATE, "documentKind", ImportField.DOCUMENT_KIND,
            "documentNumber", ImportField.DOCUMENT_NUMBER, "phone", ImportField.PHONE, "ethnicity", ImportField.ETHNICITY,
            "education", ImportField.EDUCATION, "employment", ImportField.EMPLOYMENT);

    private final Map<ImportField, Integer> mapping;
    private final Map<String, Long> gridsByCode;
    private final Scope scope;

    RowReader(Map<ImportField, Integer> mapping, Map<String, Long> gridsByCode, Scope scope) {
        this.mapping = mapping;
        this.gridsByCode = gridsByCode;
        this.scope = scope;
    }

    ImportRow read(int rowNo, List<String> cells) {
        String address = required(cells, ImportField.BUILDING_ADDRESS, 200);
        long grid = grid(required(cells, ImportField.GRID, 20));
        BuildingType buildingType = optional(cells, ImportField.BUILDING_TYPE).isEmpty() ? BuildingType.RESIDENTIAL
                : Values.coded(optional(cells, ImportField.BUILDING_TYPE), Values.BUILDING_TYPES, BuildingType.class, ImportField.BUILDING_TYPE);
        int unit = range(Values.number(required(cells, ImportField.UNIT, 10), ImportField.UNIT), ImportField.UNIT, 99);
        int floor = range(Values.number(required(cells, ImportField.FLOOR, 10), ImportField.FLOOR), ImportField.FLOOR, 200);
        String room = required(cells, ImportField.ROOM, 20);
        HouseholdType type = Values.coded(required(cells, ImportField.HOUSEHOLD_TYPE, 10), Values.HOUSEHOLD_TYPES,
                HouseholdType.class, ImportField.HOUSEHOLD_TYPE);
        String headName = optional(cells, ImportField.HEAD_NAME);
        if (optional(cells, ImportField.NAME).isEmpty() && optional(cells, ImportField.DOCUMENT_NUMBER).isEmpty()) {
            return new ImportRow(rowNo, address, grid, buildingType, unit, floor, room, type, headName, null, null, Set.of());
        }
        NewResident resident = resident(cells);
        Relation relation = Values.coded(required(cells, ImportField.RELATION, 10), Values.RELATIONS, Relation.class, ImportField.RELATION);
        if (relation == Relation.HEAD && !headName.isEmpty() && !headName.equals(resident.name())) {
            throw new RowRejected(ImportField.HEAD_NAME, "registry.import.error.head-name", headName);
        }
        Set<MembershipKind> kinds = Values.residence(optional(cells, ImportField.RESIDENCE), type);
        return new ImportRow(rowNo, address, grid, buildingType, unit, floor, room, type, headName, resident, relation, kinds);
    }

    private NewResident resident(List<String> cells) {
        String gender = optional(cells, ImportField.GENDER);
        String kind = optional(cells, ImportField.DOCUMENT_KIND);
        String party = optional(cells, ImportField.PARTY);
        try {
            return new NewResident(optional(cells, ImportField.NAME),
                    gender.isEmpty() ? null : Values.coded(gender, Values.GENDERS, Gender.class, ImportField.GENDER),
                    Values.date(optional(cells, ImportField.BIRTH_DATE), ImportField.BIRTH_DATE),
                    kind.isEmpty() ? DocumentKind.RESIDENT_ID_CARD
                            : Values.coded(kind, Values.DOCUMENT_KINDS, DocumentKind.class, ImportField.DOCUMENT_KIND),
                    optional(cells, ImportField.DOCUMENT_NUMBER), optional(cells, ImportField.PHONE),
                    optional(cells, ImportField.ETHNICITY), optional(cells, ImportField.EDUCATION),
                    optional(cells, ImportField.EMPLOYMENT), Values.party(party));
        } catch (RejectedRegistryInput e) {
            Object[] arguments = e.getArguments();
            throw new RowRejected(RESIDENT_FIELDS.getOrDefault(e.field(), ImportField.NAME), e.code(),
                    arguments.length == 0 ? null : arguments[0]);
        }
    }

    private long grid(String code) {
        Long id = gridsByCode.get(code);
        if (id == null) throw new RowRejected(ImportField.GRID, "registry.import.error.unknown-grid", code);
        if (!scope.covers(id)) throw new RowRejected(ImportField.GRID, "registry.import.error.grid-outside-scope", code);
        return id;
    }

    private static int range(int value, ImportField field, int max) {
        if (value < 1 || value > max) throw new RowRejected(field, "registry.import.error.range", max);
        return value;
    }

    private String required(List<String> cells, ImportField field, int max) {
        String value = optional(cells, field);
        if (value.isEmpty()) throw new RowRejected(field, "registry.import.error.required", null);
        if (value.codePointCount(0, value.length()) > max) throw new RowRejected(field, "registry.error.too-long", max);
        return value;
    }

    /** The cell's text, stripped and in normal width (全角 digits and letters become ASCII); empty when absent. */
    private String optional(List<String> cells, ImportField field) {
        Integer column = mapping.get(field);
        if (column == null || column >= cells.size() || cells.get(column) == null) return "";
        String text = cells.get(column).strip();
        return text.isEmpty() ? text : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }
}
