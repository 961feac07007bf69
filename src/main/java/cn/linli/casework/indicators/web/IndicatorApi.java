package cn.linli.casework.indicators.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cn.linli.casework.CaseIndicators;
import cn.linli.casework.DayIndicators;
import cn.linli.casework.IndicatorException;
import cn.linli.casework.IndicatorLevel;
import cn.linli.casework.IndicatorPeriod;
import cn.linli.casework.IndicatorSet;
import cn.linli.casework.UnitIndicators;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The indicators for staff and for the evaluation module: one unit's, area's or grid worker's over a period, and
 * rankings. Rates are fractions from 0 to 1, null where nothing was there to measure; periods are ISO dates in the
 * city's calendar, both included, the current month by default, at most three years.
 */
@RestController
@RequestMapping(path = "/api/casework/indicators", produces = "application/json")
@Tag(name = "casework indicators", description = "Registration, dispatch, closure, on-time, rework, extension, satisfaction, "
        + "one-time resolution rates, average handling time and composite score, per unit and period")
class IndicatorApi {

    private final CaseIndicators indicators;

    IndicatorApi(CaseIndicators indicators) {
        this.indicators = indicators;
    }

    record Answer(String subject, long id, String name, LocalDate from, LocalDate to, IndicatorSet indicators,
            List<DayIndicators> days) {
    }

    record Ranking(String kind, LocalDate from, LocalDate to, List<UnitIndicators> units) {
    }

    @GetMapping
    @Operation(summary = "The indicators of one handling unit (unit), territory unit (area) or grid worker (worker, a user id) "
            + "over a period, with the daily counts")
    Answer one(@Parameter(description = "handling unit id") @RequestParam(required = false) String unit,
            @Parameter(description = "territory unit id") @RequestParam(required = false) String area,
            @Parameter(description = "grid worker's user id") @RequestParam(required = false) String worker,
            @Parameter(description = "first day, ISO date") @RequestParam(required = false) String from,
            @Parameter(description = "last day, ISO date") @RequestParam(required = false) String to) {
        requireViewer();
        IndicatorPeriod period = IndicatorRequests.period(from, to);
        String subject = unit != null ? "unit" : area != null ? "area" : worker != null ? "worker" : null;
        if (subject == null) throw new IndicatorException("unit", "indicators.error.subject-missing");
        long id = IndicatorRequests.id(subject.equals("unit") ? "unit" : subject, unit != null ? unit : area != null ? area : worker);
        IndicatorSet set = switch (subject) {
            case "unit" -> indicators.forUnit(id, period);
            case "area" -> indicators.forArea(id, period);
            default -> indicators.forWorker(id, period);
        };
        return new Answer(subject, id, indicators.name(subject, id), period.from(), period.to(), set,
                indicators.daily(subject, id, period));
    }

    @GetMapping("/ranking")
    @Operation(summary = "Every department, district, street office, community office or grid worker the user may see, "
            + "best composite score first (kind: departments, districts, streets, communities, grid-workers)")
    Ranking ranking(@RequestParam(required = false) String kind, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        requireViewer();
        IndicatorLevel level = IndicatorRequests.level("kind", kind, null);
        IndicatorPeriod period = IndicatorRequests.period(from, to);
        return new Ranking(level.key(), period.from(), period.to(), indicators.ranking(level, period));
    }

    record Rebuilt(LocalDate from, LocalDate to, int cases) {
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Recompute the rollup of a period from the case history (city administrators; with casework quiet)")
    Rebuilt rebuild(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        requireViewer();
        IndicatorPeriod period = IndicatorRequests.period(from, to);
        return new Rebuilt(period.from(), period.to(), indicators.rebuild(period));
    }

    private void requireViewer() {
        if (!indicators.mayView()) throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
}
