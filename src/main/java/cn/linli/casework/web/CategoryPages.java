package cn.linli.casework.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.casework.CaseStage;
import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.casework.CategoryException;
import cn.linli.worktime.TimeLimitUnit;

/**
 * The catalogue pages: the tree with the intake search, a category with its limits, conditions, flags and versions,
 * and for city administrators the forms to create, change and retire. A rejected form comes back as typed, with every
 * reason, and has changed nothing.
 */
@Controller
class CategoryPages {

    private final Categories categories;
    private final CategoryMessages messages;

    CategoryPages(Categories categories, MessageSource messageSource) {
        this.categories = categories;
        this.messages = new CategoryMessages(messageSource);
    }

    @GetMapping("/casework/categories")
    String catalogue(@RequestParam(required = false) String q, @RequestParam(required = false) String date, Model model) {
        LocalDate asOf = date(date);
        model.addAttribute("q", q);
        model.addAttribute("date", asOf);
        if (q != null && !q.isBlank()) {
            model.addAttribute("results", categories.search(q, 50));
        }
        model.addAttribute("tree", asOf == null ? categories.tree() : categories.treeOn(asOf));
        model.addAttribute("canEdit", categories.canEdit() && asOf == null);
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
        addChoices(model);
        return "casework/categories";
    }

    @GetMapping("/casework/categories/{code}")
    String category(@PathVariable String code, @RequestParam(required = false) String at, Model model) {
        Instant instant = instant(at);
        Category category = (instant == null ? categories.find(code) : categories.asOf(code, instant))
                .orElseThrow(() -> CategoryException.notFound(code));
        model.addAttribute("category", category);
        model.addAttribute("major", category.parentCode() == null ? null : categories.find(category.parentCode().value()).orElse(null));
        List<Category> versions = new ArrayList<>(categories.history(code));
        Collections.reverse(versions);
        model.addAttribute("versions", versions);
        model.addAttribute("canEdit", categories.canEdit() && !category.retired() && category.validTo() == null);
        if (!model.containsAttribute("form")) model.addAttribute("form", CategoryForm.of(category));
        addChoices(model);
        return "casework/category";
    }

    @PostMapping("/casework/categories")
    String create(@RequestParam Map<String, String> form, Locale locale, RedirectAttributes redirect) {
        return perform("/casework/categories", form, locale, redirect, () -> categories.create(CategoryForm.draft(form)));
    }

    @PostMapping("/casework/categories/{code}")
    String update(@PathVariable String code, @RequestParam Map<String, String> form, Locale locale, RedirectAttributes redirect) {
        return perform("/casework/categories/" + code, form, locale, redirect,
                () -> categories.update(code, CategoryForm.draft(form)));
    }

    @PostMapping("/casework/categories/{code}/retire")
    String retire(@PathVariable String code, @RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
        return perform("/casework/categories/" + code, Map.of(), locale, redirect, () -> categories.retire(code, note));
    }

    /** Runs a change; on success shows the category, on rejection the form as typed with every reason. */
    private String perform(String back, Map<String, String> form, Locale locale, RedirectAttributes redirect, Supplier<Category> change) {
        try {
            Category changed = change.get();
            redirect.addFlashAttribute("done", messages.text("casework.done", locale, changed.code().value(), changed.version()));
            return "redirect:/casework/categories/" + changed.code().value();
        } catch (CategoryException e) {
            if (e.kind() == CategoryException.Kind.NOT_FOUND) throw e;
            CategoryMessages.Rejection rejection = messages.of(e, locale);
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            rejection.errors().forEach(f -> fieldErrors.merge(f.field() == null ? "" : f.field(), f.message(), (a, b) -> a + " " + b));
            redirect.addFlashAttribute("rejection", rejection);
            redirect.addFlashAttribute("fieldErrors", fieldErrors);
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.remove("_csrf");
            redirect.addFlashAttribute("form", typed);
            return "redirect:" + back;
        }
    }

    /** An unknown code or a bad date in a page's address: the platform's error page with 404 or 400. */
    @ExceptionHandler(CategoryException.class)
    ModelAndView notShown(CategoryException e) {
        HttpStatus status = e.kind() == CategoryException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        var page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        return page;
    }

    private static void addChoices(Model model) {
        model.addAttribute("stages", CaseStage.values());
        model.addAttribute("units", TimeLimitUnit.values());
        model.addAttribute("families", Category.Family.values());
        model.addAttribute("handlers", Category.HandlerKind.values());
        model.addAttribute("zone", Categories.CITY_ZONE);
        if (!model.containsAttribute("fieldErrors")) model.addAttribute("fieldErrors", Map.of());
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CategoryException("date", "casework.error.date", text);
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CategoryException("at", "casework.error.instant", text);
        }
    }
}
