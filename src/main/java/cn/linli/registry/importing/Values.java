package cn.linli.registry.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.linli.registry.BuildingType;
import cn.linli.registry.HouseholdType;
import cn.linli.registry.ImportField;
import cn.linli.registry.MembershipKind;
import cn.linli.registry.Relation;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;

/**
 * The words offices write in coded columns (男, 户籍户, 配偶, 人户分离 …), read into the registry's values. The
 * English names of the values are accepted too; anything else is refused with the value quoted.
 */
final class Values {

    static final Map<String, Gender> GENDERS = Map.of("男", Gender.MALE, "男性", Gender.MALE, "女", Gender.FEMALE,
            "女性", Gender.FEMALE);
    static final Map<String, HouseholdType> HOUSEHOLD_TYPES = Map.of("户籍户", HouseholdType.REGISTERED, "户籍",
            HouseholdType.REGISTERED, "常住户", HouseholdType.RESIDENT, "常住", HouseholdType.RESIDENT, "自住",
            HouseholdType.RESIDENT, "出租户", HouseholdType.RENTAL, "出租", HouseholdType.RENTAL, "空置户",
            HouseholdType.VACANT, "空置", HouseholdType.VACANT);
    static final Map<String, BuildingType> BUILDING_TYPES = Map.of("住宅", BuildingType.RESIDENTIAL, "商住",
            BuildingType.MIXED, "平房区", BuildingType.BUNGALOW_AREA, "平房", BuildingType.BUNGALOW_AREA, "农村宅基地",
            BuildingType.VILLAGE_HOMESTEAD, "宅基地", BuildingType.VILLAGE_HOMESTEAD, "其他", BuildingType.OTHER);
    static final Map<String, DocumentKind> DOCUMENT_KINDS = Map.of("居民身份证", DocumentKind.RESIDENT_ID_CARD, "身份证",
            DocumentKind.RESIDENT_ID_CARD, "港澳台居民居住证", DocumentKind.RESIDENCE_PERMIT, "护照", DocumentKind.PASSPORT,
            "港澳居民来往内地通行证", DocumentKind.HK_MACAO_TRAVEL_PERMIT, "回乡证", DocumentKind.HK_MACAO_TRAVEL_PERMIT,
            "台湾居民来往大陆通行证", DocumentKind.TAIWAN_TRAVEL_PERMIT, "台胞证", DocumentKind.TAIWAN_TRAVEL_PERMIT);
    static final Map<String, Relation> RELATIONS = Map.ofEntries(Map.entry("户主", Relation.HEAD),
            Map.entry("本人", Relation.HEAD), Map.entry("配偶", Relation.SPOUSE), Map.entry("妻", Relation.SPOUSE),
            Map.entry("夫", Relation.SPOUSE), Map.entry("子女", Relation.CHILD), Map.entry("子", Relation.CHILD),
            Map.entry("女", Relation.CHILD), Map.entry("儿子", Relation.CHILD), Map.entry("女儿", Relation.CHILD),
            Map.entry("父母", Relation.PARENT), Map.entry("父亲", Relation.PARENT), Map.entry("母亲", Relation.PARENT),
            Map.entry("孙子女", Relation.GRANDCHILD), Map.entry("孙子", Relation.GRANDCHILD),
            Map.entry("孙女", Relation.GRANDCHILD), Map.entry("兄弟姐妹", Relation.SIBLING), Map.entry("兄", Relation.SIBLING),
            Map.entry("弟", Relation.SIBLING), Map.entry("姐", Relation.SIBLING), Map.entry("妹", Relation.SIBLING),
            Map.entry("其他", Relation.OTHER));
    /** 户籍人口 live where they are registered; 流动人口 live here registered elsewhere; 人户分离 are registered here only. */
    static final Map<String, Set<MembershipKind>> RESIDENCES = Map.of("户籍人口", EnumSet.allOf(MembershipKind.class),
            "户籍", EnumSet.allOf(MembershipKind.class), "常住人口", EnumSet.of(MembershipKind.ACTUAL), "常住",
            EnumSet.of(MembershipKind.ACTUAL), "流动人口", EnumSet.of(MembershipKind.ACTUAL), "流动",
            EnumSet.of(MembershipKind.ACTUAL), "外来人口", EnumSet.of(MembershipKind.ACTUAL), "人户分离",
            EnumSet.of(MembershipKind.REGISTERED));
    private static final Set<String> PARTY_MEMBERS = Set.of("中共党员", "党员", "中共预备党员", "预备党员");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("uuuuMMdd"), DateTimeFormatter.ofPattern("uuuu年M月d日"));

    private Values() {
    }

    static <E extends Enum<E>> E coded(String text, Map<String, E> words, Class<E> type, ImportField field) {
        E value = words.get(text);
        if (value != null) return value;
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new RowRejected(field, "registry.import.error.unknown-value", text);
        }
    }

    static Set<MembershipKind> residence(String text, HouseholdType household) {
        if (text.isEmpty()) {
            return household == HouseholdType.REGISTERED ? EnumSet.allOf(MembershipKind.class) : EnumSet.of(MembershipKind.ACTUAL);
        }
        Set<MembershipKind> kinds = RESIDENCES.get(text);
        if (kinds == null) throw new RowRejected(ImportField.RESIDENCE, "registry.import.error.unknown-value", text);
        return kinds;
    }

    static Boolean party(String text) {
        return text.isEmpty() ? null : PARTY_MEMBERS.contains(text);
    }

    static int number(String text, ImportField field) {
        String digits = text.replaceAll("[单元层楼室号]$", "").strip();
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new RowRejected(field, "registry.import.error.not-a-number", text);
        }
    }

    static LocalDate date(String text, ImportField field) {
        if (text.isEmpty()) return null;
        String date = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) : text;
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(date, format);
            } catch (DateTimeParseException next) {
                // try the next way of writing dates
            }
        }
        throw new RowRejected(field, "registry.import.error.not-a-date", text);
    }
}
