package cn.linli.registry;

import java.util.List;

/**
 * The columns an import understands, each with the heading of the template (the one Chinese community offices use)
 * and other headings seen in their spreadsheets, from which the upload proposes a mapping.
 */
public enum ImportField {

    BUILDING_ADDRESS(true, "楼栋地址", "地址", "楼栋", "住址", "小区楼栋", "房屋地址"),
    GRID(true, "所属网格(编码)", "网格编码", "所属网格", "网格", "网格代码"),
    BUILDING_TYPE(false, "楼栋类型", "房屋类型", "建筑类型"),
    UNIT(true, "单元", "单元号"),
    FLOOR(true, "楼层", "层", "所在楼层"),
    ROOM(true, "房号", "门牌号", "房间号", "室号"),
    HOUSEHOLD_TYPE(true, "户类型", "户别", "住户类型", "户口类型"),
    HEAD_NAME(false, "户主姓名", "户主"),
    NAME(true, "姓名", "居民姓名", "人员姓名"),
    GENDER(false, "性别"),
    ETHNICITY(false, "民族"),
    BIRTH_DATE(false, "出生日期", "出生年月", "生日"),
    DOCUMENT_KIND(false, "证件类型", "证件种类"),
    DOCUMENT_NUMBER(true, "公民身份号码", "身份证号码", "身份证号", "证件号码", "证件号"),
    PHONE(false, "联系电话", "手机号码", "手机号", "电话", "联系方式"),
    RELATION(true, "与户主关系", "关系", "家庭关系"),
    RESIDENCE(false, "居住类型", "人口类型", "户籍地/居住类型", "户籍类型"),
    EDUCATION(false, "文化程度", "学历"),
    EMPLOYMENT(false, "就业状况", "职业", "工作单位"),
    PARTY(false, "政治面貌");

    private final boolean required;
    private final List<String> headings;

    ImportField(boolean required, String... headings) {
        this.required = required;
        this.headings = List.of(headings);
    }

    public boolean required() {
        return required;
    }

    /** The heading of the template. */
    public String heading() {
        return headings.get(0);
    }

    /** The template's heading first, then the other headings offices use for the same column. */
    public List<String> headings() {
        return headings;
    }

    /** The message-bundle key of the field's name in the user's language. */
    public String labelKey() {
        return "registry.import.field." + name();
    }
}
