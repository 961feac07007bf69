package cn.linli.registry.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.registry.MembershipKind;
import cn.linli.registry.Registry;
import cn.linli.registry.RejectedRegistryInput;
import cn.linli.registry.Relation;
import cn.linli.registry.ResidentCorrection;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;
import cn.linli.web.RejectedInputException;

/**
 * The resident page's forms: corrections of the details, moves, death, care tags. Each form posts its fields as typed; a refused one shows the
 * resident page again with the message next to the field and the values kept, and the registry unchanged.
 */
@Controller
class ResidentForms {

    private final Registry registry;
    private final ResidentPageModel pages;
    private final MessageSource messages;

    ResidentForms(Registry registry, ResidentPageModel pages, MessageSource messages) {
        this.registry = registry;
        this.pages = pages;
        this.messages = messages;
    }

    @PostMapping("/registry/residents/{id}/{form:move-in|move-out|move-within-city|move-out-of-city|death|care-tag|correct}")
    String change(@PathVariable long id, @PathVariable String form, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect, Locale locale) {
        try {
            apply(id, form, new FormFields(fields));
        } catch (RejectedInputException e) {
            pages.resident(model, id);
            FormError.addTo(model, form, e, fields, messages, locale);
            return "registry/resident";
        }
        redirect.addFlashAttribute("notice", "registry.web.notice." + form);
        return "redirect:/registry/residents/" + id;
    }

    @PostMapping("/registry/residents/{id}/care-tags/{tagId}/end")
    String endTag(@PathVariable long id, @PathVariable long tagId, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect, Locale locale) {
        try {
            registry.endCareTag(tagId, new FormFields(fields).date("date"));
        } catch (RejectedInputException e) {
            pages.resident(model, id);
            FormError.addTo(model, "end-tag-" + tagId, e, fields, messages, locale);
            return "registry/resident";
        }
        redirect.addFlashAttribute("notice", "registry.web.notice.tag-ended");
        return "redirect:/registry/residents/" + id;
    }

    private void apply(long id, String form, FormFields f) {
        switch (form) {
            case "move-in" -> registry.moveIn(id, f.id("householdId"), f.kind(), f.relation(), f.date("date"));
            case "move-out" -> registry.moveOut(id, f.kind(), f.date("date"));
            case "move-within-city" -> registry.moveWithinCity(id, f.kind(), f.id("householdId"), f.relation(), f.date("date"));
            case "move-out-of-city" -> registry.moveOutOfCity(id, f.date("date"));
            case "death" -> registry.recordDeath(id, f.date("date"));
            case "correct" -> registry.correct(id, f.correction());
            case "care-tag" -> registry.addCareTag(id, f.text("type"), f.grade(), f.date("validFrom"), f.optionalDate("validTo"));
            default -> throw new IllegalStateException(form);
        }
    }

    /** Form fields read as typed: an empty or malformed value is refused with the field's name, not a 400 page. */
    record FormFields(Map<String, String> values) {

        String text(String name) {
            String value = values.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        LocalDate date(String name) {
            LocalDate date = optionalDate(name);
            if (date == null) throw new RejectedRegistryInput(name, "registry.error.required");
            return date;
        }

        LocalDate optionalDate(String name) {
            String value = text(name);
            if (value == null) return null;
            try {
                return LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new RejectedRegistryInput(name, "registry.web.error.date");
            }
        }

        long id(String name) {
            String value = text(name);
            if (value == null) throw new RejectedRegistryInput(name, "registry.error.required");
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new RejectedRegistryInput(name, "registry.web.error.number");
            }
        }

        /** The correction form: blank document number and phone mean "unchanged", as they are shown masked. */
        ResidentCorrection correction() {
            String party = text("partyMember");
            return new ResidentCorrection(id("version"), text("name"), optionalChoice("gender", Gender.class),
                    optionalDate("birthDate"), optionalChoice("documentKind", DocumentKind.class), text("documentNumber"),
                    text("phone"), "true".equals(text("removePhone")), text("ethnicity"), text("education"),
                    text("employment"), party == null ? null : Boolean.valueOf(party),
                    relations());
        }

        /** relation-REGISTERED, relation-ACTUAL: one select per current household. */
        Map<MembershipKind, Relation> relations() {
            Map<MembershipKind, Relation> relations = new java.util.EnumMap<>(MembershipKind.class);
            for (MembershipKind kind : MembershipKind.values()) {
                Relation relation = optionalChoice("relation-" + kind.name(), Relation.class);
                if (relation != null) relations.put(kind, relation);
            }
            return relations;
        }

        <E extends Enum<E>> E optionalChoice(String name, Class<E> type) {
            return text(name) == null ? null : choice(name, type);
        }

        Integer grade() {
            return text("grade") == null ? null : (int) id("grade");
        }

        MembershipKind kind() {
            return choice("kind", MembershipKind.class);
        }

        Relation relation() {
            return choice("relation", Relation.class);
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            String value = text(name);
            if (value == null) throw new RejectedRegistryInput(name, "registry.error.required");
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new RejectedRegistryInput(name, "registry.web.error.choice");
            }
        }
    }
}
