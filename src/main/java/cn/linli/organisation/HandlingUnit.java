package cn.linli.organisation;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A body that handles cases. {@code homeUnitId} is the territory unit it belongs to (the city for a city-level
 * department, a county for a district bureau, the street or community for an office); {@code coverage} the territory
 * units whose matters it handles; {@code categories} the keys it handles (category codes or department keys, owned
 * by casework and kept here as plain strings). {@code derivedFrom} is the territory unit an office or district
 * government stands for, null for departments. A unit is in force while active and within its validity dates
 * ({@code validTo} exclusive).
 */
public record HandlingUnit(long id, UnitKind kind, String name, String departmentKey, long homeUnitId, Long derivedFrom,
        Set<Long> coverage, Set<String> categories, Long supervisorId, String phone, boolean active, LocalDate validFrom,
        LocalDate validTo) {

    static final int NAME_MAX = 100;
    /** Pinyin keys like {@code chengguan}, {@code gongre}: what casework's categories carry. */
    static final Pattern DEPARTMENT_KEY = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    static final Pattern CATEGORY_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Landlines with area code and extension, mobiles, short hotlines (12345, 96xxx). */
    static final Pattern PHONE = Pattern.compile("[0-9][0-9 ()+-]{2,31}");

    public HandlingUnit {
        if (kind == null) throw new OrganisationException("kind", "organisation.error.kind-missing");
        name = name == null ? "" : name.strip();
        if (name.isEmpty()) throw new OrganisationException("name", "organisation.error.name-blank");
        if (name.length() > NAME_MAX) throw new OrganisationException("name", "organisation.error.name-long", NAME_MAX);
        departmentKey = blankToNull(departmentKey);
        if (kind == UnitKind.DEPARTMENT && (departmentKey == null || !DEPARTMENT_KEY.matcher(departmentKey).matches())) {
            throw new OrganisationException("departmentKey", "organisation.error.department-key");
        }
        coverage = Set.copyOf(coverage == null ? Set.of() : coverage);
        if (coverage.isEmpty()) throw new OrganisationException("coverage", "organisation.error.coverage-empty");
        categories = sortedCopy(categories);
        categories.stream().filter(key -> !CATEGORY_KEY.matcher(key).matches()).findFirst().ifPresent(bad -> {
            throw new OrganisationException("categories", "organisation.error.category-key", bad);
        });
        phone = blankToNull(phone);
        if (phone != null && !PHONE.matcher(phone).matches()) throw new OrganisationException("phone", "organisation.error.phone");
        if (validFrom == null) throw new OrganisationException("validFrom", "organisation.error.valid-from-missing");
        if (validTo != null && !validTo.isAfter(validFrom)) throw new OrganisationException("validTo", "organisation.error.valid-to");
        if (supervisorId != null && supervisorId == id && id != 0) {
            throw new OrganisationException("supervisorId", "organisation.error.supervisor-cycle");
        }
    }

    /** Whether the unit acts on that date: active and within its validity dates. */
    public boolean inForceOn(LocalDate date) {
        return active && !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }

    public boolean handles(String categoryKey) {
        return categoryKey != null && categories.contains(categoryKey.strip());
    }

    HandlingUnit withId(long newId) {
        return new HandlingUnit(newId, kind, name, departmentKey, homeUnitId, derivedFrom, coverage, categories, supervisorId,
                phone, active, validFrom, validTo);
    }

    private static Set<String> sortedCopy(Set<String> keys) {
        TreeSet<String> sorted = new TreeSet<>();
        if (keys != null) keys.stream().map(HandlingUnit::blankToNull).filter(k -> k != null).forEach(sorted::add);
        return java.util.Collections.unmodifiableSet(sorted);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
