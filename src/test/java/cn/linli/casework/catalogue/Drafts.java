package cn.linli.casework.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.linli.casework.CaseStage;
import cn.linli.casework.Categories;
import cn.linli.casework.Category;

/** Drafts and small catalogues for the catalogue's unit tests. */
final class Drafts {

    private Drafts() {
    }

    static Categories.Draft major(String code, String family, String nameZh) {
        return new Categories.Draft(code, null, family, nameZh, nameZh + " (en)", null, null, null, null, true, false, false,
                null, null, List.of(), null);
    }

    /** A minor class handled by 城管 with 1WD handling (urgent 4WH) and 1WH for the other stages. */
    static Categories.Draft minor(String code, String parent, String nameZh, String nameEn) {
        return new Categories.Draft(code, parent, null, nameZh, nameEn, limits("1WH", "1WH", "1WD", "1WH"),
                limits("1NH", "1NH", "4WH", "1NH"), "现场核实属实", "处置完毕经核查", true, false, false, "DEPARTMENT", "chengguan",
                List.of(), null);
    }

    static Map<CaseStage, Categories.LimitInput> limits(String... perStage) {
        Map<CaseStage, Categories.LimitInput> limits = new EnumMap<>(CaseStage.class);
        for (CaseStage stage : CaseStage.values()) {
            String text = perStage[stage.ordinal()];
            limits.put(stage, new Categories.LimitInput(Integer.valueOf(text.replaceAll("\\D", "")), text.replaceAll("\\d", "")));
        }
        return limits;
    }

    static Categories.Draft withLimit(Categories.Draft d, CaseStage stage, boolean urgent, Integer amount, String unit) {
        Map<CaseStage, Categories.LimitInput> normal = new EnumMap<>(d.limits());
        Map<CaseStage, Categories.LimitInput> urgentLimits = new EnumMap<>(d.urgentLimits());
        (urgent ? urgentLimits : normal).put(stage, new Categories.LimitInput(amount, unit));
        return new Categories.Draft(d.code(), d.parentCode(), d.family(), d.nameZh(), d.nameEn(), normal, urgentLimits,
                d.registerCondition(), d.closeCondition(), d.published(), d.confidential(), d.sensitive(), d.handler(),
                d.department(), d.keywords(), d.note());
    }

    /** 事件 › 市容环境 (SJ01) with 暴露垃圾 (SJ0102) and 道路不洁 (SJ0104), 部件 › 公用设施 (BJ01) with 井盖缺损 (BJ0101). */
    static CatalogueHistory small() {
        List<Category> accepted = new ArrayList<>();
        for (Categories.Draft d : List.of(major("SJ01", "EVENT", "市容环境"), minor("SJ0102", "SJ01", "暴露垃圾", "Exposed rubbish"),
                minor("SJ0104", "SJ01", "道路不洁", "Road not clean"), major("BJ01", "COMPONENT", "公用设施"),
                minor("BJ0101", "BJ01", "井盖缺损", "Manhole cover missing or damaged"))) {
            accepted.add(CategoryRules.forNew(d, new CatalogueHistory(accepted)).asVersion(1, Instant.EPOCH));
        }
        return new CatalogueHistory(accepted);
    }
}
