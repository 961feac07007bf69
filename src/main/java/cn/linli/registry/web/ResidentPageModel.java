package cn.linli.registry.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

import cn.linli.access.PersonalDataProtection;
import cn.linli.access.Permission;
import cn.linli.registry.HouseholdCard;
import cn.linli.registry.MembershipKind;
import cn.linli.registry.MembershipView;
import cn.linli.registry.PatrolQueries;
import cn.linli.registry.RegistryQueries;
import cn.linli.registry.Relation;
import cn.linli.registry.ResidentCard;
import cn.linli.registry.internal.RegistryScopes;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;

/** What the resident and household pages show, shared by the page and by a refused form that shows it again. */
@Component
class ResidentPageModel {

    private final RegistryQueries queries;
    private final PatrolQueries patrol;
    private final PersonalDataProtection protection;
    private final RegistryScopes scopes;

    ResidentPageModel(RegistryQueries queries, PatrolQueries patrol, PersonalDataProtection protection, RegistryScopes scopes) {
        this.scopes = scopes;
        this.queries = queries;
        this.patrol = patrol;
        this.protection = protection;
    }

    ResidentCard resident(Model model, long id) {
        ResidentCard card = queries.resident(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("resident", card);
        model.addAttribute("current", card.memberships().stream().filter(MembershipView::current).toList());
        model.addAttribute("mayUnmask", protection.may(Permission.UNMASK));
        model.addAttribute("tagTypes", queries.careTagTypes());
        model.addAttribute("mayCorrect", scopes.seesFullNames());
        choices(model);
        return card;
    }

    HouseholdCard household(Model model, long id, java.time.LocalDate asOf) {
        HouseholdCard card = queries.household(id, asOf).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("household", card);
        model.addAttribute("visits", patrol.visits(id).orElse(List.of()));
        choices(model);
        return card;
    }

    long gridOf(long householdId) {
        return queries.household(householdId, null).map(HouseholdCard::gridId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void choices(Model model) {
        model.addAttribute("kinds", MembershipKind.values());
        model.addAttribute("relations", Relation.values());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("documentKinds", DocumentKind.values());
        model.addAttribute("today", ScopeGrids.today());
    }
}
