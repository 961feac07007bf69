package cn.linli.casework.web;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.linli.access.CurrentActor;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseWork;
import cn.linli.casework.internal.BoardQueries;
import cn.linli.casework.internal.CaseScopes;
import cn.linli.casework.internal.Routing;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;

/**
 * Dispatches from the board, one case at a time (bulk dispatch is a loop of these, so one refusal leaves the others
 * done): to the routing's suggestion with its co-handlers, or to a unit the dispatcher chose among those they may see.
 * Each answer says what happened to which case, in the user's language.
 */
@Component
class BoardDispatch {

    /** What happened to one case: dispatched to a unit, or refused with the reason. */
    record Outcome(long id, String number, boolean done, String unit, String message) implements java.io.Serializable {
    }

    private final CaseWork work;
    private final BoardQueries queries;
    private final CaseScopes scopes;
    private final BoardLines lines;
    private final Organisation organisation;
    private final CurrentActor actors;
    private final CaseMessages messages;

    BoardDispatch(CaseWork work, BoardQueries queries, CaseScopes scopes, BoardLines lines, Organisation organisation,
            CurrentActor actors, MessageSource messageSource) {
        this.work = work;
        this.queries = queries;
        this.scopes = scopes;
        this.lines = lines;
        this.organisation = organisation;
        this.actors = actors;
        this.messages = new CaseMessages(messageSource);
    }

    Outcome toSuggestion(long id, Long version, Locale locale) {
        Optional<BoardQueries.Row> row = queries.one(id, scopes.current());
        if (row.isEmpty()) return refused(id, "#" + id, "case.error.case-unknown", locale, id);
        Optional<Routing.Suggestion> suggestion = lines.suggestion(row.get());
        if (suggestion.isEmpty()) return refused(id, row.get().number(), "desk.board.no-suggestion", locale);
        Set<Long> co = suggestion.get().coHandlers().stream().map(HandlingUnit::id).collect(Collectors.toSet());
        return dispatch(row.get(), version, suggestion.get().unit(), co, locale);
    }

    Outcome toUnit(long id, Long version, Long unitId, Locale locale) {
        Optional<BoardQueries.Row> row = queries.one(id, scopes.current());
        if (row.isEmpty()) return refused(id, "#" + id, "case.error.case-unknown", locale, id);
        Optional<HandlingUnit> unit = unitId == null ? Optional.empty() : organisation.visible(actors.current(), unitId);
        if (unit.isEmpty()) return refused(id, row.get().number(), "desk.board.unit-unknown", locale);
        return dispatch(row.get(), version, unit.get(), Set.of(), locale);
    }

    private Outcome dispatch(BoardQueries.Row row, Long version, HandlingUnit unit, Set<Long> co, Locale locale) {
        try {
            work.dispatch(row.id(), version, unit.id(), co, null);
            return new Outcome(row.id(), row.number(), true, unit.name(), messages.text("desk.board.dispatched", locale, row.number(), unit.name()));
        } catch (CaseRuleException e) {
            return new Outcome(row.id(), row.number(), false, unit.name(), messages.of(e, locale));
        }
    }

    private Outcome refused(long id, String number, String key, Locale locale, Object... arguments) {
        return new Outcome(id, number, false, null, messages.text(key, locale, arguments));
    }
}
