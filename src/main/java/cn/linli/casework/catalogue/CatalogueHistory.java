package cn.linli.casework.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import cn.linli.casework.Category;
import cn.linli.casework.CategoryCode;

/** Every version of every category, by code, oldest first; immutable, replaced as a whole after a change. */
public final class CatalogueHistory {

    private final Map<CategoryCode, List<Category>> versions = new TreeMap<>();
    private final Catalogue current;

    public CatalogueHistory(Collection<Category> all) {
        for (Category c : all) versions.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c);
        versions.replaceAll((code, list) -> list.stream().sorted(Comparator.comparingInt(Category::version)).toList());
        this.current = new Catalogue(versions.values().stream().map(l -> l.get(l.size() - 1))
                .filter(c -> c.validTo() == null && !c.retired()).toList());
    }

    /** The categories in force now, retired ones left out. */
    public Catalogue current() {
        return current;
    }

    /** The categories in force at an instant, retired ones left out. */
    public Catalogue at(Instant instant) {
        List<Category> inForce = new ArrayList<>();
        for (List<Category> list : versions.values()) {
            list.stream().filter(c -> c.validAt(instant) && !c.retired()).findFirst().ifPresent(inForce::add);
        }
        return new Catalogue(inForce);
    }

    public Optional<Category> latest(CategoryCode code) {
        List<Category> list = versions.get(code);
        return list == null ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    /** The version valid at an instant, retired or not: a case registered then is judged by it. */
    public Optional<Category> asOf(CategoryCode code, Instant instant) {
        return versions.getOrDefault(code, List.of()).stream().filter(c -> c.validAt(instant)).findFirst();
    }

    public List<Category> versions(CategoryCode code) {
        return versions.getOrDefault(code, List.of());
    }

    public boolean knows(CategoryCode code) {
        return versions.containsKey(code);
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }
}
