package cn.linli.casework;

/**
 * One line of a ranking: the subject ({@code unit} for a handling unit, {@code worker} for a grid worker, {@code area}
 * for a territory unit), its id and name, and its indicators.
 */
public record UnitIndicators(String subject, long id, String name, IndicatorSet indicators) {
}
