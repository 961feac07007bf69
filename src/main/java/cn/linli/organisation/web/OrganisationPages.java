package cn.linli.organisation.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.access.UserDirectory;
import cn.linli.access.UserSummary;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Membership;
import cn.linli.organisation.MemberRole;
import cn.linli.organisation.Organisation;
import cn.linli.organisation.UnitKind;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/** The handling-unit pages: the list by kind with search, and a unit with coverage, categories, members, supervisor. */
@Controller
class OrganisationPages {

    /** Offices number well over a thousand; a page shows the first matches and asks for a narrower search. */
    static final int LIST_LIMIT = 200;

    private final Organisation organisation;
    private final TerritoryQueries territory;
    private final CurrentActor actors;
    private final UserDirectory users;

    OrganisationPages(Organisation organisation, TerritoryQueries territory, CurrentActor actors, UserDirectory users) {
        this.organisation = organisation;
        this.territory = territory;
        this.actors = actors;
        this.users = users;
    }

    @GetMapping("/organisation/units")
    String units(@RequestParam(defaultValue = "DEPARTMENT") UnitKind kind, @RequestParam(required = false) String q, Model model) {
        Actor actor = actors.current();
        DivisionTree tree = territory.tree(null);
        Map<UnitKind, Integer> counts = new EnumMap<>(UnitKind.class);
        for (UnitKind k : UnitKind.values()) counts.put(k, organisation.search(actor, k, q).size());
        List<HandlingUnit> found = organisation.search(actor, kind, q);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("counts", counts);
        model.addAttribute("q", q);
        model.addAttribute("total", found.size());
        model.addAttribute("units", found.stream().limit(LIST_LIMIT).map(u -> UnitView.of(u, tree, organisation)).toList());
        model.addAttribute("canEdit", actor.hasRole(Role.CITY_ADMIN));
        model.addAttribute("supervisors", supervisorChoices(actor));
        return "organisation/units";
    }

    record MemberRow(long userId, String username, String displayName, MemberRole role) {
    }

    @GetMapping("/organisation/units/{id}")
    String unit(@PathVariable long id, Model model) {
        Actor actor = actors.current();
        HandlingUnit unit = organisation.visible(actor, id).orElseThrow(() -> new UnitNotFoundException(id));
        DivisionTree tree = territory.tree(null);
        List<MemberRow> members = new ArrayList<>();
        for (Membership m : organisation.membersOf(id)) {
            UserSummary user = users.find(m.userId()).orElse(null);
            members.add(new MemberRow(m.userId(), user == null ? "#" + m.userId() : user.username(),
                    user == null ? "" : user.displayName(), m.role()));
        }
        model.addAttribute("unit", UnitView.of(unit, tree, organisation));
        model.addAttribute("editable", unit.kind() == UnitKind.DEPARTMENT);
        model.addAttribute("supervisor", organisation.supervisorOf(id).orElse(null));
        model.addAttribute("subordinates", organisation.subordinatesOf(id));
        model.addAttribute("members", members);
        model.addAttribute("memberRoles", MemberRole.values());
        model.addAttribute("canEdit", actor.hasRole(Role.CITY_ADMIN));
        model.addAttribute("supervisors", supervisorChoices(actor));
        return "organisation/unit";
    }

    /** Departments answer to a district government or another department (e.g. utilities to 住建). */
    private List<HandlingUnit> supervisorChoices(Actor actor) {
        if (!actor.hasRole(Role.CITY_ADMIN)) return List.of();
        List<HandlingUnit> choices = new ArrayList<>(organisation.search(actor, UnitKind.DISTRICT_GOVERNMENT, null));
        choices.addAll(organisation.search(actor, UnitKind.DEPARTMENT, null));
        return choices.stream().filter(HandlingUnit::active).toList();
    }
}
