package cn.linli.casework.feed;

/**
 * The body of a case event as outside systems receive it (JSON, schema {@value #SCHEMA}; described in
 * docs/operations.md). Public and non-personal only: no reporter, no description, no address or coordinates, no
 * notes. A confidential case (its own flag or its category's) keeps its category to itself.
 *
 * @param schema       {@value #SCHEMA}; a later incompatible schema gets a new name
 * @param id           unique per event and the same on every retry: consumers drop ids they have seen
 * @param type         the history action in lower case ({@code dispatch}, {@code report_result} …) or {@code breached};
 *                     also the routing key's second word
 * @param sequence     grows with each event of a case, so a consumer can put a case's events in order
 * @param occurredAt   when it happened (ISO-8601, UTC)
 * @param caseNumber   the case's public number
 * @param category     the category code, null for confidential cases and cases not yet registered
 * @param confidential whether the category is withheld for confidentiality
 * @param fromState    the state before this event (null for intake and breaches)
 * @param state        the state after this event; for a breach, the case's state when it was found
 * @param unit         the handling unit the event concerns (dispatched to, returning, reminded …), if any
 * @param mainUnit     the case's main handling unit after the transition, if any
 * @param stage        a breach only: the stage whose deadline passed
 * @param deadline     a breach only: the deadline that passed
 */
public record CaseEventMessage(String schema, String id, String type, long sequence, String occurredAt,
        String caseNumber, String category, boolean confidential, String fromState, String state, Long unit,
        Long mainUnit, String stage, String deadline) {

    public static final String SCHEMA = "linli.case-event.v1";

    /** The routing key on the topic exchange. */
    public String routingKey() {
        return "case." + type;
    }
}
