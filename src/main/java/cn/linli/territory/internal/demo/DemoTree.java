package cn.linli.territory.internal.demo;

import java.util.List;
import java.util.Map;

import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;

/** The demo geometry's input: the territory tree of a date, with the centre points known for its units. */
final class DemoTree {

    private DemoTree() {
    }

    static DemoNode build(DivisionTree tree, Map<Long, double[]> centres) {
        Division city = tree.roots().get(0);
        return node(tree, city, centres);
    }

    private static DemoNode node(DivisionTree tree, Division unit, Map<Long, double[]> centres) {
        double[] centre = centres.get(unit.id());
        List<DemoNode> children = tree.children(unit.id()).stream().map(child -> node(tree, child, centres)).toList();
        return new DemoNode(unit.code().value(), unit.level(), unit.name(), centre == null ? null : centre[0],
                centre == null ? null : centre[1], children);
    }
}
