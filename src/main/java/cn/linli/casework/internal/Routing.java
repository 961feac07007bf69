package cn.linli.casework.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;

/**
 * Who should act on a case (standards.md, "Principles"): a rule of the responsibility matrix for the category and
 * the place if one exists; else the department whose function it is (职能原则), nearest first; else, for territorial
 * matters, the community or street office of the place (属地管理); else the district government (兜底). A matter
 * that belongs to a department is never pushed down to a community: without a department it goes to the district.
 */
@Component
public class Routing {

    private final Categories categories;
    private final Organisation organisation;
    private final ResponsibilityMatrix matrix;

    Routing(Categories categories, Organisation organisation, ResponsibilityMatrix matrix) {
        this.categories = categories;
        this.organisation = organisation;
        this.matrix = matrix;
    }

    /**
     * Why a unit was suggested, so the dispatcher can see and overrule it. ESCALATION (上报) is the board's, for a
     * returned case whose routing leads back to the unit that returned it.
     */
    public enum Reason { MATRIX, DEPARTMENT, TERRITORIAL, FALLBACK, ESCALATION }

    /** The suggested main unit with its co-handlers, or empty when the place is unknown. */
    public record Suggestion(HandlingUnit unit, List<HandlingUnit> coHandlers, Reason reason) {
    }

    public Optional<Suggestion> suggest(String categoryCode, Long placeUnitId) {
        if (placeUnitId == null) return Optional.empty();
        Optional<Suggestion> rule = matrix.deciding(categoryCode, placeUnitId)
                .flatMap(r -> organisation.find(r.mainUnit()).map(main -> new Suggestion(main,
                        r.coUnits().stream().map(organisation::find).flatMap(Optional::stream).toList(), Reason.MATRIX)));
        if (rule.isPresent()) return rule;
        Category category = categoryCode == null ? null : categories.find(categoryCode).orElse(null);
        if (category != null && category.handler().kind() == Category.HandlerKind.DEPARTMENT) {
            List<HandlingUnit> departments = organisation.departmentsHandling(category.handler().department(), placeUnitId);
            if (departments.isEmpty()) departments = organisation.departmentsHandling(categoryCode, placeUnitId);
            if (!departments.isEmpty()) return Optional.of(new Suggestion(departments.get(0), List.of(), Reason.DEPARTMENT));
        } else if (category != null) {
            Optional<HandlingUnit> office = organisation.officeOf(placeUnitId);
            if (office.isPresent()) return Optional.of(new Suggestion(office.get(), List.of(), Reason.TERRITORIAL));
        }
        return organisation.districtGovernmentFor(placeUnitId).map(g -> new Suggestion(g, List.of(), Reason.FALLBACK));
    }
}
