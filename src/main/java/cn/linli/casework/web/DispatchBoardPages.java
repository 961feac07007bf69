package cn.linli.casework.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.casework.Categories;
import cn.linli.casework.internal.BoardQueries;
import cn.linli.casework.internal.CaseScope;
import cn.linli.casework.internal.CaseScopes;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;
import cn.linli.organisation.UnitKind;
import cn.linli.territory.TerritoryQueries;

/**
 * The dispatch board (后台分类处置) for street and district staff and the city: queues by state and light within the
 * user's jurisdiction, filters by category (major or minor class) and area, the suggested unit with its reason,
 * one-click and bulk dispatch with an answer per case, and a unit chooser to dispatch elsewhere. The queue section carries
 * {@code data-case-stream} and reloads itself on a {@code case-changed} event reaching the body (sent by the live
 * stream's script where it is present).
 */
@Controller
@RequestMapping("/casework/board")
class DispatchBoardPages {

    private static final Set<Role> BOARD_ROLES = Set.of(Role.CITY_ADMIN, Role.DISTRICT_STAFF, Role.STREET_STAFF);

    private final BoardQueries queries;
    private final CaseScopes scopes;
    private final BoardLines lines;
    private final BoardDispatch dispatch;
    private final BoardAreas areas;
    private final Categories categories;
    private final Organisation organisation;
    private final CurrentActor actors;
    private final CaseMessages messages;

    DispatchBoardPages(BoardQueries queries, CaseScopes scopes, BoardLines lines, BoardDispatch dispatch, BoardAreas areas,
            Categories categories, Organisation organisation, CurrentActor actors, MessageSource messageSource) {
        this.queries = queries;
        this.scopes = scopes;
        this.lines = lines;
        this.dispatch = dispatch;
        this.areas = areas;
        this.categories = categories;
        this.organisation = organisation;
        this.actors = actors;
        this.messages = new CaseMessages(messageSource);
    }

    @GetMapping
    String board(@RequestParam(defaultValue = "TO_DISPATCH") String queue, @RequestParam(required = false) String category,
            @RequestParam(required = false) Long area, @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        Actor actor = requireBoard();
        List<String> problems = new ArrayList<>();
        BoardQueries.Queue q = Arrays.stream(BoardQueries.Queue.values()).filter(v -> v.name().equals(queue)).findFirst()
                .orElseGet(() -> problem(problems, "desk.board.queue-unknown", locale, BoardQueries.Queue.TO_DISPATCH));
        String c = category == null || category.isBlank() ? null : categories.find(category.strip())
                .map(found -> found.code().value()).orElseGet(() -> problem(problems, "desk.board.category-unknown", locale, null));
        Long a = area == null || areas.covers(actor, area) ? area : problem(problems, "desk.board.area-outside", locale, null);
        var filter = new BoardQueries.Filter(q, c, a, page);
        CaseScope scope = scopes.current();
        BoardQueries.Page found = queries.find(filter, scope, row -> {
            var light = lines.light(row);
            return light == cn.linli.casework.SlaLight.YELLOW || light == cn.linli.casework.SlaLight.RED;
        });
        model.addAttribute("filter", filter);
        model.addAttribute("queues", BoardQueries.Queue.values());
        Map<String, Integer> counts = new java.util.HashMap<>();
        queries.counts(filter, scope).forEach((queueOf, count) -> counts.put(queueOf.name(), count));
        model.addAttribute("counts", counts);
        model.addAttribute("lines", lines.of(found.rows(), locale));
        model.addAttribute("found", found);
        model.addAttribute("problems", problems);
        model.addAttribute("branches", lines.branches());
        model.addAttribute("areas", areas.of(actor));
        model.addAttribute("units", units(actor));
        model.addAttribute("here", here(filter, filter.page()));
        return "casework/board";
    }

    /** One-click dispatch of one case: to the suggestion, or ({@code to=chosen}) to the unit chosen in its row. */
    @PostMapping("/{id}/dispatch")
    String one(@PathVariable long id, @RequestParam Map<String, String> form, Locale locale, RedirectAttributes redirect) {
        requireBoard();
        Long version = number(form.get("version-" + id));
        var outcome = "chosen".equals(form.get("to")) ? dispatch.toUnit(id, version, number(form.get("unit-" + id)), locale)
                : dispatch.toSuggestion(id, version, locale);
        redirect.addFlashAttribute("outcomes", List.of(outcome));
        return "redirect:" + back(form);
    }

    /** Bulk dispatch of the ticked cases to their suggestions, each on its own; the answer lists every case. */
    @PostMapping("/dispatch")
    String bulk(@RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam Map<String, String> form,
            Locale locale, RedirectAttributes redirect) {
        requireBoard();
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("notices", List.of(messages.text("desk.board.none-selected", locale)));
            return "redirect:" + back(form);
        }
        redirect.addFlashAttribute("outcomes", ids.stream().distinct()
                .map(id -> dispatch.toSuggestion(id, number(form.get("version-" + id)), locale)).toList());
        return "redirect:" + back(form);
    }

    private List<HandlingUnit> units(Actor actor) {
        List<HandlingUnit> units = new ArrayList<>();
        for (UnitKind kind : UnitKind.values()) units.addAll(organisation.search(actor, kind, ""));
        return units;
    }

    private <T> T problem(List<String> problems, String key, Locale locale, T fallback) {
        problems.add(messages.text(key, locale));
        return fallback;
    }

    private Actor requireBoard() {
        Actor actor = actors.current();
        if (actor.roles().stream().noneMatch(BOARD_ROLES::contains)) throw new AccessDeniedException("the dispatch board is for dispatchers");
        return actor;
    }

    private static String back(Map<String, String> form) {
        Long area = number(form.get("area"));
        Long page = number(form.get("page"));
        String queue = form.getOrDefault("queue", "TO_DISPATCH");
        return here(new BoardQueries.Filter(safeQueue(queue), form.get("category"), area, page == null ? 0 : page.intValue()),
                page == null ? 0 : page.intValue());
    }

    static String here(BoardQueries.Filter filter, int page) {
        var uri = UriComponentsBuilder.fromPath("/casework/board").queryParam("queue", filter.queue().name());
        if (filter.category() != null) uri.queryParam("category", filter.category());
        if (filter.area() != null) uri.queryParam("area", filter.area());
        if (page > 0) uri.queryParam("page", page);
        return uri.encode().build().toUriString();
    }

    private static BoardQueries.Queue safeQueue(String name) {
        return Arrays.stream(BoardQueries.Queue.values()).filter(v -> v.name().equals(name)).findFirst().orElse(BoardQueries.Queue.TO_DISPATCH);
    }

    private static Long number(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
