package cn.linli.casework.indicators.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

import cn.linli.casework.CaseIndicators;
import cn.linli.casework.DayIndicators;
import cn.linli.casework.Indicator;
import cn.linli.casework.IndicatorException;
import cn.linli.casework.IndicatorLevel;
import cn.linli.casework.IndicatorPeriod;
import cn.linli.casework.UnitIndicators;

/**
 * The indicator page: a period (the current month by default) and a level, every unit of that level in the user's
 * jurisdiction with every indicator, sortable by any column; and a unit's detail with its daily trend as plain bars.
 * Bad input is shown next to the form with a 400 and the default period.
 */
@Controller
class IndicatorPages {

    private final CaseIndicators indicators;
    private final MessageSource messages;

    IndicatorPages(CaseIndicators indicators, MessageSource messages) {
        this.indicators = indicators;
        this.messages = messages;
    }

    @GetMapping("/casework/indicators")
    String ranking(@RequestParam(required = false) String level, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "score") String sort,
            @RequestParam(defaultValue = "desc") String dir, Model model, Locale locale, HttpServletResponse response) {
        requireViewer();
        IndicatorLevel chosen = IndicatorLevel.STREETS;
        IndicatorPeriod period = IndicatorRequests.period(null, null);
        try {
            chosen = IndicatorRequests.level("level", level, IndicatorLevel.STREETS);
            period = IndicatorRequests.period(from, to);
        } catch (IndicatorException e) {
            reject(e, model, locale, response);
        }
        List<UnitIndicators> rows = indicators.ranking(chosen, period);
        model.addAttribute("rows", rows.stream().sorted(order(sort, dir)).toList());
        model.addAttribute("level", chosen);
        model.addAttribute("levels", IndicatorLevel.values());
        model.addAttribute("period", period);
        model.addAttribute("rates", Indicator.values());
        model.addAttribute("sort", sort);
        model.addAttribute("dir", dir);
        return "casework/indicators";
    }

    @GetMapping("/casework/indicators/{subject:unit|area|worker}/{id}")
    String detail(@PathVariable String subject, @PathVariable long id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model, Locale locale, HttpServletResponse response) {
        requireViewer();
        IndicatorPeriod period = IndicatorRequests.period(null, null);
        try {
            period = IndicatorRequests.period(from, to);
        } catch (IndicatorException e) {
            reject(e, model, locale, response);
        }
        try {
            model.addAttribute("name", indicators.name(subject, id));
        } catch (IndicatorException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        List<DayIndicators> days = indicators.daily(subject, id, period);
        model.addAttribute("set", switch (subject) {
            case "unit" -> indicators.forUnit(id, period);
            case "area" -> indicators.forArea(id, period);
            default -> indicators.forWorker(id, period);
        });
        model.addAttribute("days", days);
        model.addAttribute("peak", days.stream().mapToLong(d -> Math.max(Math.max(d.counts().received(), d.counts().dispatches()),
                d.counts().closed())).max().orElse(0));
        model.addAttribute("subject", subject);
        model.addAttribute("id", id);
        model.addAttribute("period", period);
        model.addAttribute("rates", Indicator.values());
        return "casework/indicator";
    }

    private void requireViewer() {
        if (!indicators.mayView()) throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }

    private void reject(IndicatorException e, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        model.addAttribute("errorField", e.field());
    }

    /** By a rate's key, "score", "received", "hours" or "name"; units with nothing to measure last either way. */
    static Comparator<UnitIndicators> order(String sort, String dir) {
        Function<UnitIndicators, Comparable<?>> key = switch (sort) {
            case "name" -> UnitIndicators::name;
            case "received" -> u -> u.indicators().counts().received();
            case "closed" -> u -> u.indicators().counts().closed();
            case "hours" -> u -> u.indicators().averageHandlingHours();
            default -> java.util.Arrays.stream(Indicator.values()).filter(i -> i.key().equals(sort)).findFirst()
                    .<Function<UnitIndicators, Comparable<?>>>map(i -> u -> u.indicators().rate(i))
                    .orElse(u -> u.indicators().score());
        };
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<Comparable> natural = "asc".equals(dir) ? Comparator.naturalOrder() : Comparator.reverseOrder();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<UnitIndicators> byKey = Comparator.comparing(u -> (Comparable) key.apply(u), Comparator.nullsLast(natural));
        return byKey.thenComparing(UnitIndicators::name);
    }
}
