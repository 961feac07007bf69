package cn.linli.casework.internal;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.linli.casework.CaseChanged;

/**
 * Publishes one {@link CaseChanged} per saved history line, inside the transaction that saved it: Spring Modulith's
 * event publication registry keeps them with the transaction and hands them to listeners after commit.
 */
@Component
class CaseEvents {

    private final ApplicationEventPublisher events;

    CaseEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    void publish(Case aCase, List<CaseRecord> saved) {
        for (CaseRecord r : saved) {
            events.publishEvent(new CaseChanged(aCase.id(), aCase.number(), r.action(), r.from(), r.to(), r.unitId(), r.actor(), r.at()));
        }
    }
}
