package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;

import cn.linli.shared.DivisionLevel;

/**
 * A unit in the making: its place in the tree, the straight convex cell the layout gave it (townships and
 * below; counties and the city are unions of their townships), and the warp that bends the borders between
 * its children. Grids are units too, without a {@link DemoNode}.
 */
final class LayoutUnit {

    final DemoNode node;
    final String code;
    final DivisionLevel level;
    final LayoutUnit parent;
    final List<LayoutUnit> children = new ArrayList<>();

    double targetArea;
    int households;
    boolean urban;
    CountySetting setting;
    ConvexPolygon cell;
    PlaneWarp childWarp = PlaneWarp.NONE;

    LayoutUnit(DemoNode node, String code, DivisionLevel level, LayoutUnit parent) {
        this.node = node;
        this.code = code;
        this.level = level;
        this.parent = parent;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    boolean isLeaf() {
        return children.isEmpty();
    }

    /** Typical size (km) of this unit's children: the side of a square of their mean area. */
    double childScale() {
        return Math.sqrt(cell.area() / Math.max(1, children.size()));
    }

    void collectLeaves(List<LayoutUnit> leaves) {
        if (isLeaf()) {
            leaves.add(this);
        }
        for (LayoutUnit child : children) {
            child.collectLeaves(leaves);
        }
    }
}
