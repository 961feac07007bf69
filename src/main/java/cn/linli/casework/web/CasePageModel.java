package cn.linli.casework.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.linli.access.CurrentActor;
import cn.linli.access.Permission;
import cn.linli.access.PersonalDataProtection;
import cn.linli.casework.CaseAttachments;
import cn.linli.casework.Categories;
import cn.linli.casework.CaseView;
import cn.linli.casework.OutsideNotes;
import cn.linli.casework.Satisfaction;
import cn.linli.casework.internal.CaseLights;
import cn.linli.casework.internal.KnowledgeAnswers;
import cn.linli.casework.internal.Routing;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;
import cn.linli.organisation.UnitKind;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.MapCoordinates;
import cn.linli.territory.MapSettings;
import cn.linli.territory.TerritoryQueries;

/** What the case page shows besides the case: names of its place and units, its light, the map, the form choices. */
@Component
class CasePageModel {

    private final CaseLights lights;
    private final TerritoryQueries territory;
    private final Organisation organisation;
    private final Routing routing;
    private final Categories categories;
    private final PersonalDataProtection protection;
    private final CurrentActor actors;
    private final MapSettings map;
    private final CaseAttachments attachments;
    private final KnowledgeAnswers knowledgeAnswers;
    private final ObjectProvider<OutsideNotes> outsideNotes;

    CasePageModel(CaseLights lights, TerritoryQueries territory, Organisation organisation, Routing routing,
            Categories categories, PersonalDataProtection protection, CurrentActor actors, MapSettings map,
            CaseAttachments attachments, KnowledgeAnswers knowledgeAnswers, ObjectProvider<OutsideNotes> outsideNotes) {
        this.outsideNotes = outsideNotes;
        this.attachments = attachments;
        this.knowledgeAnswers = knowledgeAnswers;
        this.lights = lights;
        this.territory = territory;
        this.organisation = organisation;
        this.routing = routing;
        this.categories = categories;
        this.protection = protection;
        this.actors = actors;
        this.map = map;
    }

    void fill(CaseView view, Set<String> may, Model model) {
        model.addAttribute("c", view);
        model.addAttribute("files", attachments.of(view.id()).orElse(List.of()).stream()
                .collect(Collectors.groupingBy(a -> a.historyId() == null ? 0L : a.historyId(), LinkedHashMap::new, Collectors.toList())));
        model.addAttribute("may", may);
        model.addAttribute("light", lights.lightOf(view.id()));
        model.addAttribute("times", new CaseTimes());
        model.addAttribute("category", view.categoryCode() == null ? null
                : categories.find(view.categoryCode()).map(c -> c.name(LocaleContextHolder.getLocale())).orElse(view.categoryCode()));
        DivisionTree tree = territory.tree(null);
        model.addAttribute("grid", name(tree, view.gridId()));
        model.addAttribute("community", name(tree, view.communityId()));
        model.addAttribute("unitNames", unitNames(view));
        model.addAttribute("canUnmask", view.reporterPhoneMasked() != null && protection.may(Permission.UNMASK));
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("knowledgeAnswer", knowledgeAnswers.of(view.id()).orElse(null));
        model.addAttribute("outsideNotes", outsideNotes.stream().flatMap(n -> n.of(view.id()).stream())
                .sorted(java.util.Comparator.comparing(OutsideNotes.Note::at)).toList());
        if (view.lng() != null && view.lat() != null) {
            GeoPoint shown = MapCoordinates.fromWgs84(map.tileCrs(), new GeoPoint(view.lng(), view.lat()));
            model.addAttribute("point", shown);
            model.addAttribute("map", map);
        }
        if (may.contains("dispatch")) model.addAttribute("dispatchUnits", dispatchUnits(view));
    }

    private static String name(DivisionTree tree, Long unitId) {
        return unitId == null ? null : tree.find(unitId).map(Division::name).orElse(null);
    }

    private Map<Long, String> unitNames(CaseView view) {
        Map<Long, String> names = new LinkedHashMap<>();
        Stream.concat(Stream.concat(Stream.of(view.mainUnit()), view.coUnits().stream()),
                        view.timeline().stream().map(CaseView.Entry::unitId)).filter(Objects::nonNull)
                .distinct().forEach(id -> organisation.find(id).ifPresent(u -> names.put(id, u.name())));
        return names;
    }

    /** The suggested unit first (with why), then every unit the dispatcher may see, by kind. */
    private List<UnitChoice> dispatchUnits(CaseView view) {
        Long place = view.gridId() != null ? view.gridId() : view.communityId();
        List<UnitChoice> choices = new ArrayList<>();
        routing.suggest(view.categoryCode(), place).ifPresent(s ->
                choices.add(new UnitChoice(s.unit().id(), s.unit().name(), "caseweb.routing." + s.reason().name())));
        var actor = actors.current();
        for (UnitKind kind : UnitKind.values()) {
            for (HandlingUnit u : organisation.search(actor, kind, "")) {
                if (choices.stream().noneMatch(c -> c.id() == u.id())) choices.add(new UnitChoice(u.id(), u.name(), null));
            }
        }
        return choices;
    }

    /** A unit in the dispatch form; {@code reasonKey} marks the suggestion. */
    record UnitChoice(long id, String name, String reasonKey) {
    }
}
