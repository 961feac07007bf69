package cn.linli.open311.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.casework.Categories;
import cn.linli.open311.Open311Client;
import cn.linli.open311.Open311Clients;
import cn.linli.web.RejectedInputException;

/**
 * The city administrator's page of Open311 client applications: the list with each key's first characters, issuing a
 * key (shown on the answer page once, never again: only its hash is kept) and revoking one.
 */
@Controller
@RequestMapping("/open311/clients")
class ClientPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Categories.CITY_ZONE);
    private static final int DEFAULT_PER_MINUTE = 60;

    private final Open311Clients clients;
    private final CurrentActor actors;
    private final MessageSource messages;

    ClientPages(Open311Clients clients, CurrentActor actors, MessageSource messages) {
        this.clients = clients;
        this.actors = actors;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        administrator();
        show(model, "", DEFAULT_PER_MINUTE);
        return "open311/clients";
    }

    @PostMapping
    String issue(@RequestParam(required = false) String name, @RequestParam(required = false) String perMinute,
            Model model, Locale locale, HttpServletResponse response) {
        Actor actor = administrator();
        try {
            Open311Clients.IssuedKey issued = clients.issue(actor, name, number(perMinute));
            model.addAttribute("issued", issued);
            show(model, "", DEFAULT_PER_MINUTE);
        } catch (RejectedInputException rejected) {
            response.setStatus(400);
            model.addAttribute("error", messages.getMessage(rejected.code(), rejected.getArguments(), locale));
            model.addAttribute("errorField", rejected.field());
            show(model, name == null ? "" : name, perMinute);
        }
        // the key is shown on this answer only; a reload of the list never shows it again
        response.setHeader("Cache-Control", "no-store");
        return "open311/clients";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        Actor actor = administrator();
        String name = clients.clients().stream().filter(c -> c.id() == id).map(Open311Client::name).findFirst().orElse("");
        clients.revoke(actor, id);
        redirect.addFlashAttribute("notice", messages.getMessage("open311.clients.revoked.done", new Object[] {name}, locale));
        return "redirect:/open311/clients";
    }

    private void show(Model model, String name, Object perMinute) {
        model.addAttribute("clients", clients.clients().stream().map(Row::new).toList());
        model.addAttribute("name", name);
        model.addAttribute("perMinute", perMinute);
        model.addAttribute("endpoint", ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2/discovery.xml").toUriString());
    }

    /** A client as the page lists it, with its times in the city's zone. */
    record Row(Open311Client client, String created, String revoked) {

        Row(Open311Client client) {
            this(client, time(client.createdAt()), time(client.revokedAt()));
        }

        private static String time(Instant instant) {
            return instant == null ? "" : TIME.format(instant);
        }
    }

    private Actor administrator() {
        Actor actor = actors.current();
        if (!Open311Clients.mayManage(actor)) throw new AccessDeniedException("Open311 keys are managed by city administrators");
        return actor;
    }

    private static Integer number(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
