package cn.linli.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.linli.access.Jurisdiction;
import cn.linli.shared.DivisionLevel;

/** The territory as it stood on one date: every unit valid then, with parent and children. Immutable. */
public final class DivisionTree {

    private final LocalDate date;
    private final Map<Long, Division> byId;
    private final Map<Long, List<Division>> children;
    private final Map<String, Division> byCode;
    private final List<Division> roots;

    public DivisionTree(LocalDate date, Collection<Division> divisions) {
        this.date = date;
        this.byId = new HashMap<>(divisions.size() * 2);
        this.byCode = new HashMap<>(divisions.size() * 2);
        this.children = new HashMap<>();
        List<Division> rootList = new ArrayList<>();
        List<Division> sorted = divisions.stream().sorted(Comparator.comparing(Division::code)).toList();
        for (Division division : sorted) {
            byId.put(division.id(), division);
            byCode.put(division.code().value(), division);
        }
        for (Division division : sorted) {
            if (division.parentId() == null || !byId.containsKey(division.parentId())) {
                rootList.add(division);
            } else {
                children.computeIfAbsent(division.parentId(), k -> new ArrayList<>()).add(division);
            }
        }
        this.roots = List.copyOf(rootList);
    }

    public LocalDate date() {
        return date;
    }

    public Optional<Division> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Division> findByCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<Division> roots() {
        return roots;
    }

    public List<Division> children(long id) {
        return children.getOrDefault(id, List.of());
    }

    public Collection<Division> all() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    public List<Division> atLevel(DivisionLevel level) {
        return byId.values().stream().filter(d -> d.level() == level).sorted(Comparator.comparing(Division::code)).toList();
    }

    /** The unit's ancestors from the top down (the city first), excluding the unit itself. */
    public List<Division> ancestors(long id) {
        List<Division> path = new ArrayList<>();
        Division current = byId.get(id);
        while (current != null && current.parentId() != null) {
            current = byId.get(current.parentId());
            if (current != null) path.add(0, current);
        }
        return path;
    }

    /** Every unit below this one, depth first. */
    public List<Division> descendants(long id) {
        List<Division> result = new ArrayList<>();
        collect(id, result);
        return result;
    }

    private void collect(long id, List<Division> into) {
        for (Division child : children(id)) {
            into.add(child);
            collect(child.id(), into);
        }
    }

    /** Whether the unit lies within the jurisdiction: it is one of the jurisdiction's units or below one. */
    public boolean covers(Jurisdiction jurisdiction, long unitId) {
        if (jurisdiction.unrestricted()) return byId.containsKey(unitId);
        Division current = byId.get(unitId);
        while (current != null) {
            if (jurisdiction.unitIds().contains(current.id())) return true;
            current = current.parentId() == null ? null : byId.get(current.parentId());
        }
        return false;
    }

    /** The topmost units of the jurisdiction that exist on this date (for a city administrator, the roots). */
    public List<Division> topsOf(Jurisdiction jurisdiction) {
        if (jurisdiction.unrestricted()) return roots;
        return jurisdiction.unitIds().stream().map(byId::get).filter(d -> d != null)
                .filter(d -> ancestors(d.id()).stream().noneMatch(a -> jurisdiction.unitIds().contains(a.id())))
                .sorted(Comparator.comparing(Division::code)).toList();
    }
}
