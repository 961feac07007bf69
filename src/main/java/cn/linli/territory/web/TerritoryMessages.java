package cn.linli.territory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.linli.shared.InvalidDivisionCodeException;
import cn.linli.territory.Boundaries;
import cn.linli.territory.SnapshotImports;
import cn.linli.territory.TerritoryException;
import cn.linli.territory.internal.geo.BoundaryFinding;
import cn.linli.territory.internal.geo.GeoMessage;
import cn.linli.territory.internal.snapshot.InvalidPairingsException;
import cn.linli.web.ApiError;

/** Territory rule violations in the user's language, for the JSON API and the pages alike. */
@Component
class TerritoryMessages {

    private final MessageSource messages;

    TerritoryMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** A rejection as one field and one sentence; anything else is not bad input and is rethrown. */
    record Rejection(String field, String message, List<String> details) implements java.io.Serializable {
    }

    Rejection of(RuntimeException e, Locale locale) {
        if (e instanceof TerritoryException rule) return rule(rule, locale);
        if (e instanceof InvalidDivisionCodeException code) return code(code, locale);
        if (e instanceof InvalidPairingsException pairings) return pairings(pairings, locale);
        throw e;
    }

    Rejection rule(TerritoryException e, Locale locale) {
        List<String> details = List.of();
        if (e instanceof SnapshotImports.SnapshotRejectedException rejected) {
            details = rejected.problems().stream()
                    .map(p -> text("territory.snapshot.line", locale, p.line(), text(p.messageKey(), locale, p.arguments().toArray())))
                    .toList();
        }
        return new Rejection(e.field(), text(e.messageKey(), locale, e.arguments()), details);
    }

    Rejection code(InvalidDivisionCodeException e, Locale locale) {
        String reason = text("territory.code-reason." + e.reason(), locale);
        return new Rejection("code", text("territory.error.code-invalid", locale, e.code(), reason), List.of());
    }

    Rejection pairings(InvalidPairingsException e, Locale locale) {
        List<String> details = e.problems().stream()
                .map(p -> text(p.messageKey(), locale, p.arguments().toArray()))
                .toList();
        return new Rejection("pair", text("territory.error.pairings", locale, details.size()), details);
    }

    /** Why a boundary file was refused: every problem of the file and every rule a boundary breaks. */
    List<ApiError.FieldMessage> rejections(Boundaries.ImportOutcome outcome, Locale locale) {
        List<ApiError.FieldMessage> errors = new ArrayList<>();
        outcome.problems().forEach(p -> errors.add(new ApiError.FieldMessage(
                p.concernsWholeFile() ? "file" : geo(p.feature().describe(), locale), geo(p.message(), locale))));
        outcome.errors().forEach(f -> errors.add(finding(f, locale)));
        return errors;
    }

    List<ApiError.FieldMessage> warnings(Boundaries.ImportOutcome outcome, Locale locale) {
        return outcome.warnings().stream().map(w -> finding(w, locale)).toList();
    }

    private ApiError.FieldMessage finding(BoundaryFinding finding, Locale locale) {
        return new ApiError.FieldMessage(finding.code(), geo(finding.message(), locale));
    }

    private String geo(GeoMessage message, Locale locale) {
        return messages.getMessage(message.key(), message.argumentArray(), message.key(), locale);
    }

    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
