package cn.linli.casework;

import cn.linli.worktime.TimeLimit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.casework.catalogue.CatalogueState;
import cn.linli.casework.catalogue.CatalogueWrites;

/**
 * The case category catalogue: the tree in force or as of any instant, a category by code, the fast intake search,
 * the time limits of a category, and its editing by city administrators. Reads come from memory, refreshed after
 * every committed change (here and, through the cluster signal, on the other instances).
 */
@Service
public class Categories {

    /** Dates are the city's: the catalogue "on 1 March" is the one in force at the end of that day in Jiamusi. */
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final CatalogueState state;
    private final CatalogueWrites writes;
    private final CurrentActor actors;

    Categories(CatalogueState state, CatalogueWrites writes, CurrentActor actors) {
        this.state = state;
        this.writes = writes;
        this.actors = actors;
    }

    /** A major class with its minor classes, in code order. */
    public record Branch(Category major, List<Category> minors) {
    }

    /** A minor class found for intake, with the major class above it. */
    public record Match(Category category, Category major) {

        /** e.g. 事件 › 市容环境 › 暴露垃圾. */
        public String path(Locale locale) {
            return category.family().name(locale) + " › " + major.name(locale) + " › " + category.name(locale);
        }
    }

    /** A stage's limit as entered: both parts are checked by the catalogue rules, so nothing is assumed here. */
    public record LimitInput(Integer amount, String unit) {
    }

    /**
     * A category as an administrator enters it. A blank parent makes a major class, which needs a family and takes no
     * limits; a minor class takes its family from its parent and needs both sets of limits.
     */
    public record Draft(String code, String parentCode, String family, String nameZh, String nameEn,
            Map<CaseStage, LimitInput> limits, Map<CaseStage, LimitInput> urgentLimits, String registerCondition,
            String closeCondition, Boolean published, Boolean confidential, Boolean sensitive, String handler,
            String department, List<String> keywords, String note) {

        /** A flag left out of a JSON body is off. */
        public Draft {
            published = Boolean.TRUE.equals(published);
            confidential = Boolean.TRUE.equals(confidential);
            sensitive = Boolean.TRUE.equals(sensitive);
        }
    }

    /** The tree in force now, without retired categories: what intake offers. */
    public List<Branch> tree() {
        return state.current().branches();
    }

    /** The tree as it was at an instant. */
    public List<Branch> tree(Instant at) {
        return state.history().at(at).branches();
    }

    /** The tree in force at the end of a day in the city. */
    public List<Branch> treeOn(LocalDate date) {
        return tree(endOf(date));
    }

    /** The latest version of a category, retired or not. */
    public Optional<Category> find(String code) {
        return state.history().latest(CategoryCode.of(code));
    }

    /** The version in force at an instant, e.g. when a case was registered. */
    public Optional<Category> asOf(String code, Instant at) {
        return state.history().asOf(CategoryCode.of(code), at);
    }

    /** Every version of a category, oldest first. */
    public List<Category> history(String code) {
        return state.history().versions(CategoryCode.of(code));
    }

    /**
     * Minor classes in force whose code starts with the text, or whose Chinese or English name, major class or
     * keywords contain it, best matches first.
     */
    public List<Match> search(String query, int limit) {
        return state.search().find(query, limit);
    }

    /** The limit of a stage in force now. */
    public TimeLimit limit(String code, CaseStage stage, boolean urgent) {
        return limit(code, stage, urgent, Instant.now());
    }

    /** The limit of a stage in force at an instant: a case is judged by the limits of its registration. */
    public TimeLimit limit(String code, CaseStage stage, boolean urgent, Instant at) {
        Category category = asOf(code, at).orElseThrow(() -> CategoryException.notFound(code));
        TimeLimit limit = category.limits().limit(stage, urgent);
        if (limit == null) throw new CategoryException("code", "casework.error.no-limits", code);
        return limit;
    }

    /** Minor classes offered to residents and outside apps that may appear in public lists. */
    public List<Category> publicCategories() {
        return state.current().minors().stream().filter(c -> c.published() && !c.confidential()).toList();
    }

    public Category create(Draft draft) {
        requireAdministrator();
        return writes.create(draft);
    }

    /** Replaces a category's content with a new version; the old one stays valid for earlier instants. */
    public Category update(String code, Draft draft) {
        requireAdministrator();
        return writes.update(CategoryCode.of(code), draft);
    }

    /** Hides a category from intake from now on; cases registered under it keep it. */
    public Category retire(String code, String note) {
        requireAdministrator();
        return writes.retire(CategoryCode.of(code), note);
    }

    public boolean canEdit() {
        return actors.find().map(a -> a.hasRole(Role.CITY_ADMIN)).orElse(false);
    }

    private void requireAdministrator() {
        if (!canEdit()) throw new AccessDeniedException("category changes need a city administrator");
    }

    static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(CITY_ZONE).toInstant().minus(1, ChronoUnit.MICROS);
    }
}
