package cn.linli.territory.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.linli.shared.DivisionLevel;
import cn.linli.territory.TerritoryException;

/** Parses request parameters into values, failing with the field name and a reason the user can read. */
final class ApiParameters {

    private ApiParameters() {
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TerritoryException("date", "territory.error.date-format");
        }
    }

    static double coordinate(String field, String value, double min, double max) {
        if (value == null || value.isBlank()) throw new TerritoryException(field, "territory.error.coordinate-missing", field);
        try {
            double number = Double.parseDouble(value == null ? "" : value.strip());
            if (Double.isFinite(number) && number >= min && number <= max) return number;
        } catch (NumberFormatException e) {
            // reported below with the field name
        }
        throw new TerritoryException(field, "territory.error.coordinate", value);
    }

    static DivisionLevel level(String value) {
        try {
            return DivisionLevel.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new TerritoryException("level", "territory.error.level", value);
        }
    }
}
