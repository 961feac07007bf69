package cn.linli.registry;

/** A kind of care tag from the configurable list, as offered in forms. */
public record CareTagTypeView(String code, String nameZh, String nameEn, boolean graded, boolean sensitive) {
}
