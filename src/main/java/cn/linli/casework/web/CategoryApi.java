package cn.linli.casework.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.casework.CategoryException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The category catalogue for staff and systems: the tree, intake search, a category as of any instant, editing. */
@RestController
@RequestMapping(path = "/api/casework/categories", produces = "application/json")
@Tag(name = "casework categories", description = "Case categories (部件, 事件, community services) with time limits, versioned")
class CategoryApi {

    private final Categories categories;

    CategoryApi(Categories categories) {
        this.categories = categories;
    }

    record Branch(Category major, List<Category> minors) {
    }

    record Match(String path, Category category) {
    }

    @GetMapping
    @Operation(summary = "The tree of major and minor classes in force now, at an instant (at) or at the end of a day (date)")
    List<Branch> tree(@RequestParam(required = false) String date, @RequestParam(required = false) String at) {
        List<Categories.Branch> tree = at != null ? categories.tree(instant(at))
                : date != null ? categories.treeOn(date(date)) : categories.tree();
        return tree.stream().map(b -> new Branch(b.major(), b.minors())).toList();
    }

    @GetMapping("/search")
    @Operation(summary = "Minor classes in force for intake, by code, Chinese or English name or part of it, or keyword; with their path")
    List<Match> search(@RequestParam("q") String query, @RequestParam(defaultValue = "20") int limit, Locale locale) {
        return categories.search(query, limit).stream().map(m -> new Match(m.path(locale), m.category())).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "A category's latest version, or the version in force at an instant (ISO 8601, e.g. a case's registration)")
    Category category(@PathVariable String code, @RequestParam(required = false) String at) {
        return (at == null ? categories.find(code) : categories.asOf(code, instant(at)))
                .orElseThrow(() -> CategoryException.notFound(code));
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Every version of a category with its validity period, oldest first")
    List<Category> history(@PathVariable String code) {
        List<Category> versions = categories.history(code);
        if (versions.isEmpty()) throw CategoryException.notFound(code);
        return versions;
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a category (city administrators)")
    Category create(@RequestBody Categories.Draft draft) {
        return categories.create(draft);
    }

    @PutMapping(path = "/{code}", consumes = "application/json")
    @Operation(summary = "Change a category: a new version from now on; the old one still answers for earlier instants (city administrators)")
    Category update(@PathVariable String code, @RequestBody Categories.Draft draft) {
        return categories.update(code, draft);
    }

    @PostMapping("/{code}/retire")
    @Operation(summary = "Retire a category: hidden from intake from now on, kept for the cases registered under it (city administrators)")
    Category retire(@PathVariable String code, @RequestParam(required = false) String note) {
        return categories.retire(code, note);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text.strip()).toInstant();
            } catch (DateTimeParseException again) {
                throw new CategoryException("at", "casework.error.instant", text);
            }
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CategoryException("date", "casework.error.date", text);
        }
    }
}
