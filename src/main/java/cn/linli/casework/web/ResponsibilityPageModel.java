package cn.linli.casework.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.casework.ResponsibilityRules;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;
import cn.linli.organisation.UnitKind;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/**
 * What the responsibility page shows: the rules the user keeps or that apply to their places, in words (category,
 * place, units), and the choices of its forms (categories, places down to communities, the units the user may name).
 */
@Component
class ResponsibilityPageModel {

    static final int MAX_PLACES = 600;

    /** A rule in words; {@code editable} when the user may change or retire it. */
    record Line(ResponsibilityRules.Rule rule, String category, String place, String main, List<String> coHandlers,
            boolean editable) {
    }

    /** A category or place in a select; minors and lower places indented by {@code depth}. */
    record Choice(String value, String label, int depth) {
    }

    private final ResponsibilityRules rules;
    private final Categories categories;
    private final TerritoryQueries territory;
    private final Organisation organisation;
    private final CurrentActor actors;

    ResponsibilityPageModel(ResponsibilityRules rules, Categories categories, TerritoryQueries territory, Organisation organisation,
            CurrentActor actors) {
        this.rules = rules;
        this.categories = categories;
        this.territory = territory;
        this.organisation = organisation;
        this.actors = actors;
    }

    void fill(String category, Long area, Model model) {
        Actor actor = actors.current();
        DivisionTree tree = territory.tree(null);
        String code = category == null ? "" : category.strip().toUpperCase(Locale.ROOT);
        List<Line> lines = rules.all().stream()
                .filter(r -> seen(actor, tree, r.placeUnitId()))
                .filter(r -> code.isEmpty() || code.startsWith(r.categoryCode()) || r.categoryCode().startsWith(code))
                .filter(r -> area == null || related(tree, area, r.placeUnitId()))
                .map(this::line).toList();
        model.addAttribute("lines", lines);
        model.addAttribute("filterCategory", code);
        model.addAttribute("filterArea", area);
        model.addAttribute("categoryChoices", categoryChoices());
        model.addAttribute("placeChoices", placeChoices(actor, tree));
        model.addAttribute("unitChoices", unitChoices(actor));
    }

    Line line(ResponsibilityRules.Rule rule) {
        return new Line(rule, categoryName(rule.categoryCode()), placeName(rule.placeUnitId()), unitName(rule.mainUnit()),
                rule.coUnits().stream().sorted().map(this::unitName).toList(), rules.mayChange(rule));
    }

    String placeName(long placeUnitId) {
        DivisionTree tree = territory.tree(null);
        return tree.find(placeUnitId).map(d -> path(tree, d)).orElse(String.valueOf(placeUnitId));
    }

    /** Rules for the user's places and for places above them (they apply there); all for an unrestricted user. */
    private static boolean seen(Actor actor, DivisionTree tree, long place) {
        if (actor.jurisdiction().unrestricted()) return true;
        if (tree.covers(actor.jurisdiction(), place)) return true;
        return tree.topsOf(actor.jurisdiction()).stream().anyMatch(top -> tree.ancestors(top.id()).stream().anyMatch(a -> a.id() == place));
    }

    /** A rule's place lies in the area, or the area in its place (the rule applies there). */
    private static boolean related(DivisionTree tree, long area, long place) {
        if (area == place) return true;
        return tree.ancestors(place).stream().anyMatch(a -> a.id() == area) || tree.ancestors(area).stream().anyMatch(a -> a.id() == place);
    }

    private String categoryName(String code) {
        Locale locale = LocaleContextHolder.getLocale();
        return categories.find(code).map(c -> c.name(locale)).orElse(code);
    }

    private String unitName(long id) {
        return organisation.find(id).map(HandlingUnit::name).orElse(String.valueOf(id));
    }

    private static String path(DivisionTree tree, Division place) {
        List<String> names = new ArrayList<>();
        tree.ancestors(place.id()).stream().filter(a -> a.level() != DivisionLevel.CITY).forEach(a -> names.add(a.name()));
        names.add(place.name());
        return String.join(" › ", names);
    }

    private List<Choice> categoryChoices() {
        Locale locale = LocaleContextHolder.getLocale();
        List<Choice> choices = new ArrayList<>();
        for (Categories.Branch branch : categories.tree()) {
            choices.add(new Choice(branch.major().code().value(), branch.major().name(locale), 0));
            for (Category minor : branch.minors()) choices.add(new Choice(minor.code().value(), minor.name(locale), 1));
        }
        return choices;
    }

    /** The user's places down to communities (grids are reached through the tester's map). */
    private static List<Choice> placeChoices(Actor actor, DivisionTree tree) {
        List<Choice> choices = new ArrayList<>();
        for (Division top : tree.topsOf(actor.jurisdiction())) {
            add(tree, top, 0, choices);
            if (choices.size() >= MAX_PLACES) break;
        }
        return choices;
    }

    private static void add(DivisionTree tree, Division place, int depth, List<Choice> choices) {
        if (place.isGrid() || choices.size() >= MAX_PLACES) return;
        choices.add(new Choice(String.valueOf(place.id()), place.name(), depth));
        tree.children(place.id()).stream().sorted(Comparator.comparing(d -> d.code().value()))
                .forEach(child -> add(tree, child, depth + 1, choices));
    }

    /** The units the user may name, by kind: departments first, then governments, streets and communities. */
    private Map<UnitKind, List<HandlingUnit>> unitChoices(Actor actor) {
        List<UnitKind> order = List.of(UnitKind.DEPARTMENT, UnitKind.DISTRICT_GOVERNMENT, UnitKind.STREET_OFFICE, UnitKind.COMMUNITY_OFFICE);
        return order.stream().collect(Collectors.toMap(k -> k, k -> organisation.search(actor, k, "").stream()
                .sorted(Comparator.comparing(HandlingUnit::name)).toList(), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
