package cn.linli.casework.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.casework.CategoryCode;

/** The categories in force at one instant, as a tree of major and minor classes; immutable. */
public final class Catalogue {

    private final Map<CategoryCode, Category> byCode = new TreeMap<>();
    private final List<Categories.Branch> branches;

    Catalogue(Collection<Category> inForce) {
        inForce.forEach(c -> byCode.put(c.code(), c));
        Map<CategoryCode, List<Category>> minors = new TreeMap<>();
        for (Category c : byCode.values()) {
            if (c.isMinor()) minors.computeIfAbsent(c.parentCode(), k -> new ArrayList<>()).add(c);
        }
        List<Categories.Branch> tree = new ArrayList<>();
        for (Category c : byCode.values()) {
            if (c.isMajor()) tree.add(new Categories.Branch(c, List.copyOf(minors.getOrDefault(c.code(), List.of()))));
        }
        // Families in their declared order (部件, 事件, 社区服务), then by code, as the standard lists them.
        tree.sort(Comparator.comparing((Categories.Branch b) -> b.major().family()).thenComparing(b -> b.major().code()));
        this.branches = List.copyOf(tree);
    }

    public List<Categories.Branch> branches() {
        return branches;
    }

    public Optional<Category> find(CategoryCode code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<Category> minors() {
        return branches.stream().flatMap(b -> b.minors().stream()).toList();
    }

    public List<Category> minorsOf(CategoryCode major) {
        return branches.stream().filter(b -> b.major().code().equals(major)).findFirst()
                .map(Categories.Branch::minors).orElse(List.of());
    }

    public int size() {
        return byCode.size();
    }
}
