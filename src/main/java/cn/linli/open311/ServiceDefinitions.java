package cn.linli.open311;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.open311.internal.AttributeStore;

/**
 * The services Open311 offers: the minor case categories the city publishes (and that are not confidential), each
 * with its major class as {@code group}, its keywords, and the questions it asks. A category that is not published
 * does not exist here at all, so that reports of wrongdoing and personal matters never show.
 */
@Service
public class ServiceDefinitions {

    /** One entry of the service list. */
    public record Offered(String code, String name, String description, boolean metadata, List<String> keywords,
            String group) {
    }

    private final Categories categories;
    private final AttributeStore attributes;

    ServiceDefinitions(Categories categories, AttributeStore attributes) {
        this.categories = categories;
        this.attributes = attributes;
    }

    public List<Offered> services(Locale locale) {
        List<String> asking = attributes.categoriesWithQuestions();
        return categories.publicCategories().stream()
                .map(c -> new Offered(c.code().value(), c.name(locale), description(c, locale), asking.contains(c.code().value()),
                        c.keywords(), group(c, locale)))
                .toList();
    }

    /** The published category of the code, or empty: unknown, retired, unpublished and confidential ones alike. */
    public Optional<Category> published(String code) {
        return categories.publicCategories().stream().filter(c -> c.code().value().equals(code)).findFirst();
    }

    public Optional<List<ServiceAttribute>> definition(String code) {
        return published(code).map(c -> attributes.of(code));
    }

    /**
     * Checks answers to the published category's questions as GeoReport v2 defines them (required, numbers, dates,
     * list values; unknown questions ignored) and gives them as "question answer" lines for the case.
     *
     * @throws AnswerRejected for an answer the definition does not allow
     * @throws Open311Rejected (404) for a category that is not published
     */
    public String checkAnswers(String code, java.util.Map<String, List<String>> given) {
        List<ServiceAttribute> questions = definition(code)
                .orElseThrow(() -> new Open311Rejected(404, "service_code " + code + " was not found"));
        return AttributeAnswers.check(questions, given);
    }

    private String group(Category category, Locale locale) {
        return category.parentCode() == null ? "" : categories.find(category.parentCode().value())
                .map(parent -> parent.name(locale)).orElse("");
    }

    private String description(Category category, Locale locale) {
        return category.family().name() == null ? category.name(locale)
                : (locale.getLanguage().equals("en") ? category.family().nameEn() : category.family().nameZh()) + " › "
                        + group(category, locale) + " › " + category.name(locale);
    }
}
