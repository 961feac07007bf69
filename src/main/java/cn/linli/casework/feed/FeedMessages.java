package cn.linli.casework.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import tools.jackson.databind.json.JsonMapper;

/** Turns outbox rows into the messages outside systems receive ({@link CaseEventMessage}). */
@Component
@ConditionalOnBooleanProperty("linli.events.amqp.enabled")
class FeedMessages {

    /** Events per row are far fewer (a transition writes one to four); the sequence leaves room for them. */
    static final int EVENTS_PER_ROW = 100;

    private final Categories categories;
    private final JsonMapper json;

    FeedMessages(Categories categories, JsonMapper json) {
        this.categories = categories;
        this.json = json;
    }

    List<Broker.Message> of(List<FeedStore.Pending> rows) {
        List<Broker.Message> messages = new ArrayList<>();
        for (FeedStore.Pending row : rows) {
            boolean confidential = row.confidential() || confidentialCategory(row.categoryCode());
            for (int i = 0; i < row.events().size(); i++) {
                CaseEventMessage m = message(row, i, confidential);
                messages.add(new Broker.Message(m.id(), m.routingKey(), m.type(), Instant.parse(m.occurredAt()),
                        json.writeValueAsBytes(m)));
            }
        }
        return messages;
    }

    private static CaseEventMessage message(FeedStore.Pending row, int index, boolean confidential) {
        FeedEvent e = row.events().get(index);
        boolean breach = FeedEvent.BREACHED.equals(e.type());
        return new CaseEventMessage(CaseEventMessage.SCHEMA, e.id(), e.type(), row.id() * EVENTS_PER_ROW + index, e.at(),
                row.caseNumber(), confidential ? null : row.categoryCode(), confidential, e.fromState(),
                breach ? row.caseState() : e.toState(), e.unit(), row.mainUnit(), e.stage(), e.deadline());
    }

    private boolean confidentialCategory(String code) {
        return code != null && categories.find(code).map(Category::confidential).orElse(false);
    }
}
