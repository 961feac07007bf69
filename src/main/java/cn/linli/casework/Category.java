package cn.linli.casework;

import cn.linli.worktime.TimeLimit;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One version of a category: a major class (no parent) or a minor class under a major one. Only minor classes are
 * chosen at intake, so only they carry time limits, conditions and a handler. A version is valid from
 * {@code validFrom} (inclusive) to {@code validTo} (exclusive, null while in force); a retired category keeps a last
 * version marked {@code retired}, so old cases still find its name and limits.
 */
public record Category(CategoryCode code, CategoryCode parentCode, Family family, String nameZh, String nameEn,
        Limits limits, String registerCondition, String closeCondition, boolean published, boolean confidential,
        boolean sensitive, Handler handler, List<String> keywords, boolean retired, int version, Instant validFrom,
        Instant validTo) {

    /** The catalogue a category belongs to; the first element of its path (事件 › 市容环境 › 暴露垃圾). */
    public enum Family {
        /** 部件: city objects (manhole covers, street lights) in the digital urban-management standard. */
        COMPONENT("部件", "Components"),
        /** 事件: events and behaviour in public space (rubbish, illegal building). */
        EVENT("事件", "Events"),
        /** 社区服务: community service matters outside the urban-management catalogue (elderly care, heating …). */
        SERVICE("社区服务", "Community services");

        private final String nameZh;
        private final String nameEn;

        Family(String nameZh, String nameEn) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }

        public String name(Locale locale) {
            return isChinese(locale) ? nameZh : nameEn;
        }
    }

    /**
     * Which kind of unit usually handles the matter. A matter that belongs to a department goes to it and is never
     * pushed down to a community by default (2025 State Council opinion on 12345); territorial matters go to the street
     * or community of the place (属地管理).
     */
    public enum HandlerKind { DEPARTMENT, TERRITORIAL }

    /** The usual handler of a minor class (null for a major one): a department key ({@code chengguan}, {@code gongre} …) or the territorial units. */
    public record Handler(HandlerKind kind, String department) {

        public static Handler territorial() {
            return new Handler(HandlerKind.TERRITORIAL, null);
        }

        public static Handler department(String key) {
            return new Handler(HandlerKind.DEPARTMENT, key);
        }
    }

    /** Normal and urgent limits for every stage; both sets complete, or both empty for a major class. */
    public record Limits(Map<CaseStage, TimeLimit> normal, Map<CaseStage, TimeLimit> urgent) {

        public static final Limits NONE = new Limits(Map.of(), Map.of());

        public Limits {
            normal = copy(normal);
            urgent = copy(urgent);
        }

        public TimeLimit limit(CaseStage stage, boolean isUrgent) {
            return (isUrgent ? urgent : normal).get(stage);
        }

        @JsonIgnore
        public boolean isEmpty() {
            return normal.isEmpty() && urgent.isEmpty();
        }

        private static Map<CaseStage, TimeLimit> copy(Map<CaseStage, TimeLimit> limits) {
            EnumMap<CaseStage, TimeLimit> copy = new EnumMap<>(CaseStage.class);
            if (limits != null) copy.putAll(limits);
            return Collections.unmodifiableMap(copy);
        }
    }

    public Category {
        if (code == null || family == null || nameZh == null || nameEn == null || (parentCode != null && handler == null)) {
            throw new IllegalArgumentException("a category needs a code, family, names and, if minor, a handler: " + code);
        }
        limits = limits == null ? Limits.NONE : limits;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    @JsonIgnore
    public boolean isMajor() {
        return parentCode == null;
    }

    @JsonIgnore
    public boolean isMinor() {
        return parentCode != null;
    }

    public String name(Locale locale) {
        return isChinese(locale) ? nameZh : nameEn;
    }

    public boolean validAt(Instant instant) {
        return !validFrom.isAfter(instant) && (validTo == null || validTo.isAfter(instant));
    }

    /** This content as the given version, valid from the given instant on. */
    public Category asVersion(int newVersion, Instant from) {
        return new Category(code, parentCode, family, nameZh, nameEn, limits, registerCondition, closeCondition, published,
                confidential, sensitive, handler, keywords, retired, newVersion, from, null);
    }

    /** This version, ended at the given instant. */
    public Category endedAt(Instant to) {
        return new Category(code, parentCode, family, nameZh, nameEn, limits, registerCondition, closeCondition, published,
                confidential, sensitive, handler, keywords, retired, version, validFrom, to);
    }

    /** The same content, retired: kept for old cases, hidden from intake. */
    public Category asRetired() {
        return new Category(code, parentCode, family, nameZh, nameEn, limits, registerCondition, closeCondition, published,
                confidential, sensitive, handler, keywords, true, version, validFrom, validTo);
    }

    static boolean isChinese(Locale locale) {
        return locale == null || "zh".equals(locale.getLanguage());
    }
}
