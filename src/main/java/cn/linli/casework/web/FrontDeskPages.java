package cn.linli.casework.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.casework.CaseDuplicates;
import cn.linli.casework.CaseReceipt;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.casework.Channel;
import cn.linli.casework.RequestType;
import cn.linli.casework.internal.CallerHistory;
import cn.linli.casework.internal.CallerLookup;
import cn.linli.casework.internal.FrontDesk;
import cn.linli.shared.PhoneNumber;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.MapSettings;
import cn.linli.territory.TerritoryQueries;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The front desk (前台一口受理) for window and phone intake: one screen to find the caller's earlier cases, pick the
 * category, place the point, see likely duplicates and answer, refuse or register; the new case's number is shown
 * large for the caller. A refused form comes back as typed with the reason next to its field, and nothing was created.
 * With the registry in the application the desk also finds the caller among the residents of the user's scope (by
 * phone or name) and fills in their name and home; the phone of a chosen resident is recorded with the case but never
 * shown unmasked.
 */
@Controller
@RequestMapping("/casework/desk")
class FrontDeskPages {

    private static final Set<Role> DESK_ROLES = Set.of(Role.CITY_ADMIN, Role.DISTRICT_STAFF, Role.STREET_STAFF, Role.COMMUNITY_STAFF);
    private static final Set<Channel> DESK_CHANNELS = Set.of(Channel.WINDOW, Channel.PHONE);
    private static final int CATEGORY_RESULTS = 12;

    private final FrontDesk desk;
    private final Categories categories;
    private final CaseDuplicates duplicates;
    private final CallerHistory callers;
    private final CallerLookup lookup;
    private final TerritoryQueries territory;
    private final CurrentActor actors;
    private final DeskPlaces places;
    private final MapSettings map;
    private final CaseMessages messages;

    FrontDeskPages(FrontDesk desk, Categories categories, CaseDuplicates duplicates, CallerHistory callers, CallerLookup lookup,
            TerritoryQueries territory, CurrentActor actors, DeskPlaces places, MapSettings map, MessageSource messageSource) {
        this.desk = desk;
        this.categories = categories;
        this.duplicates = duplicates;
        this.callers = callers;
        this.lookup = lookup;
        this.territory = territory;
        this.actors = actors;
        this.places = places;
        this.map = map;
        this.messages = new CaseMessages(messageSource);
    }

    @GetMapping
    String desk(Model model) {
        requireDesk();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", RequestType.COMPLAINT.name());
        form.put("channel", Channel.WINDOW.name());
        return page(form, Map.of(), model);
    }

    @PostMapping
    String take(@RequestParam Map<String, String> form, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requireDesk();
        try {
            CaseReceipt receipt = desk.take(DeskForm.request(withRegistryPhone(form), Uploads.of(photos)));
            redirect.addFlashAttribute("receipt", receipt);
            return "redirect:/casework/desk";
        } catch (CaseRuleException e) {
            response.setStatus(e.kind() == CaseRuleException.Kind.CONFLICT ? 409 : e.kind() == CaseRuleException.Kind.FORBIDDEN ? 403 : 422);
            Map<String, String> errors = Map.of(e.field() == null ? "form" : e.field(), messages.of(e, locale));
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.remove("_csrf");
            return page(typed, errors, model);
        }
    }

    /**
     * The caller's earlier cases by their phone, with the number masked, and the residents with that phone (htmx
     * fragment). With {@code residentId}, a resident chosen from the lookup: the earlier cases by their phone.
     */
    @GetMapping("/caller")
    String caller(@RequestParam(required = false) String reporterPhone, @RequestParam(required = false) Long residentId,
            Locale locale, Model model) {
        requireDesk();
        if (residentId != null) {
            lookup.phoneOf(residentId).ifPresentOrElse(phone -> earlier(phone, model),
                    () -> model.addAttribute("callerError", messages.of(CaseRuleException.invalid("reporterPhone", "desk.resident.no-phone"), locale)));
            return "casework/desk-parts :: caller";
        }
        if (reporterPhone == null || reporterPhone.isBlank()) return "casework/desk-parts :: caller";
        try {
            var phone = CallerHistory.phone(reporterPhone);
            earlier(phone, model);
            residents(lookup.byPhone(phone), model);
        } catch (CaseRuleException e) {
            model.addAttribute("callerError", messages.of(e, locale));
        }
        return "casework/desk-parts :: caller";
    }

    /** Residents of the user's scope whose name (or phone, or ID number) matches (htmx fragment). */
    @GetMapping("/residents")
    String residents(@RequestParam(required = false) String callerQuery, Model model) {
        requireDesk();
        model.addAttribute("callerQuery", callerQuery);
        residents(lookup.search(callerQuery), model);
        return "casework/desk-parts :: residents";
    }

    private void earlier(PhoneNumber phone, Model model) {
        model.addAttribute("masked", phone.masked());
        model.addAttribute("earlier", callers.of(phone));
    }

    private void residents(List<cn.linli.casework.CallerCard> found, Model model) {
        DivisionTree tree = territory.tree(null);
        Map<Long, String> grids = new LinkedHashMap<>();
        found.stream().map(cn.linli.casework.CallerCard::gridId).filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> tree.find(id).ifPresent(d -> grids.put(id, d.name())));
        model.addAttribute("residents", found);
        model.addAttribute("gridNames", grids);
    }

    /**
     * The form to take in: a resident chosen from the registry whose phone the operator did not type gives theirs.
     * The number goes into the request only, never back into the page.
     */
    private Map<String, String> withRegistryPhone(Map<String, String> form) {
        String typed = form.get("reporterPhone");
        Long resident = DeskForm.id(form.get("callerResidentId"), "reporterPhone");
        if (resident == null || (typed != null && !typed.isBlank())) return form;
        Map<String, String> taken = new LinkedHashMap<>(form);
        lookup.phoneOf(resident).ifPresent(phone -> taken.put("reporterPhone", phone.value()));
        return taken;
    }

    /** Minor categories matching the typed text, with their paths (htmx fragment). */
    @GetMapping("/categories")
    String categories(@RequestParam(required = false) String q, Model model) {
        requireDesk();
        model.addAttribute("q", q);
        model.addAttribute("matches", q == null || q.isBlank() ? List.of() : categories.search(q.strip(), CATEGORY_RESULTS));
        return "casework/desk-parts :: categories";
    }

    /** Open cases of the category near the point (htmx fragment); nothing until both are known. */
    @GetMapping("/duplicates")
    String duplicates(@RequestParam(required = false) String categoryCode, @RequestParam(required = false) String lng,
            @RequestParam(required = false) String lat, Locale locale, Model model) {
        requireDesk();
        try {
            var point = DeskForm.point(lng, lat);
            if (point != null && categoryCode != null && !categoryCode.isBlank()) {
                model.addAttribute("duplicates", duplicates.near(categoryCode, point));
            }
        } catch (CaseRuleException e) {
            model.addAttribute("duplicatesError", messages.of(e, locale));
        }
        return "casework/desk-parts :: duplicates";
    }

    private String page(Map<String, String> form, Map<String, String> errors, Model model) {
        // A new key for a new request; a form coming back with an error keeps its key, so its retry is still one case.
        form.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
        if (form.get("idempotencyKey").isBlank()) form.put("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("types", RequestType.values());
        model.addAttribute("channels", DESK_CHANNELS.stream().sorted().toList());
        model.addAttribute("decisions", FrontDesk.Decision.values());
        model.addAttribute("places", places.of(actors.current()));
        model.addAttribute("map", map);
        model.addAttribute("callerLookup", lookup.available());
        String code = form.get("categoryCode");
        model.addAttribute("chosenCategory", code == null || code.isBlank() ? null
                : categories.find(code.strip()).filter(Category::isMinor).flatMap(c -> categories.find(c.parentCode().value())
                        .map(major -> new Categories.Match(c, major))).orElse(null));
        return "casework/desk";
    }

    private void requireDesk() {
        Actor actor = actors.current();
        if (actor.roles().stream().noneMatch(DESK_ROLES::contains)) throw new AccessDeniedException("the front desk is for territorial staff");
    }
}
