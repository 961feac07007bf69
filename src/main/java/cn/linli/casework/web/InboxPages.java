package cn.linli.casework.web;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.internal.CaseAbilities.Ability;
import cn.linli.casework.internal.CaseStream;
import cn.linli.casework.internal.InboxQueries;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/**
 * The handler's inbox (待办), made for a phone: the cases of the user's handling units that wait for acceptance or
 * are in progress, and for grid workers the results to verify in their grids; accept, return, report and request an
 * extension inline (htmx), and the list refreshes itself when a case changes (server-sent events from
 * {@code /casework/stream}). A refused step reopens its form in the row with what was typed.
 */
@Controller
class InboxPages {

    /** The steps the inbox offers inline; everything else is on the case page. */
    private static final Set<Ability> QUICK = Set.of(Ability.ACCEPT, Ability.RETURN, Ability.RESULT, Ability.EXTENSION);

    private final InboxQueries inbox;
    private final Organisation organisation;
    private final TerritoryQueries territory;
    private final CurrentActor actors;
    private final CaseCommands commands;
    private final CaseStream stream;
    private final CaseMessages messages;

    InboxPages(InboxQueries inbox, Organisation organisation, TerritoryQueries territory, CurrentActor actors,
            CaseCommands commands, CaseStream stream, MessageSource messageSource) {
        this.inbox = inbox;
        this.organisation = organisation;
        this.territory = territory;
        this.actors = actors;
        this.commands = commands;
        this.stream = stream;
        this.messages = new CaseMessages(messageSource);
    }

    @GetMapping("/casework/inbox")
    String page(Model model) {
        fill(model);
        return "casework/inbox";
    }

    @GetMapping("/casework/inbox/lists")
    String lists(Model model) {
        fill(model);
        return "casework/inbox :: lists";
    }

    @PostMapping("/casework/inbox/{id}/{action:[a-z-]+}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> form,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Locale locale,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Ability ability = Ability.ofPath(action).filter(QUICK::contains)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            commands.run(id, ability, CaseActionRequest.fromForm(form), Uploads.of(photos));
            model.addAttribute("done", messages.text("caseweb.done", locale, messages.text("caseweb.ability." + ability.name(), locale)));
        } catch (CaseRuleException e) {
            // a case the user may not see is not there for them, as on the case page
            if (e.kind() == CaseRuleException.Kind.NOT_FOUND && "id".equals(e.field())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            model.addAttribute("rejectedCase", id);
            model.addAttribute("rejectedForm", ability.path());
            model.addAttribute("typed", form);
            model.addAttribute("rejection", "case.rule.changed-meanwhile".equals(e.messageKey())
                    ? messages.text("caseweb.stale", locale) : messages.of(e, locale));
        }
        if (htmx == null) return "redirect:/casework/inbox";
        fill(model);
        return "casework/inbox :: lists";
    }

    /** Live updates for the inbox, the dispatch board and any page with {@code data-case-stream}. */
    @GetMapping(path = "/casework/stream", produces = "text/event-stream")
    SseEmitter stream() {
        return stream.open(actors.current());
    }

    private void fill(Model model) {
        Actor actor = actors.current();
        List<HandlingUnit> units = organisation.unitsOf(actor.userId());
        Map<Long, String> unitNames = new LinkedHashMap<>();
        units.forEach(u -> unitNames.put(u.id(), u.name()));
        model.addAttribute("units", units);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("handling", inbox.handling(unitNames.keySet()));
        if (actor.hasRole(Role.GRID_WORKER) && !actor.jurisdiction().unrestricted()) {
            DivisionTree tree = territory.tree(null);
            Set<Long> grids = new HashSet<>();
            Set<Long> communities = new HashSet<>();
            for (long id : actor.jurisdiction().unitIds()) {
                tree.find(id).filter(Division::isGrid).ifPresent(grid -> {
                    grids.add(grid.id());
                    if (grid.parentId() != null) communities.add(grid.parentId());
                });
            }
            model.addAttribute("verifying", inbox.toVerify(grids, communities));
        }
        model.addAttribute("times", new CaseTimes());
    }
}
