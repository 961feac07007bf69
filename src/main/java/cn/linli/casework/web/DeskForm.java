package cn.linli.casework.web;

import java.util.List;
import java.util.Map;

import cn.linli.casework.CaseRuleException;
import cn.linli.casework.Channel;
import cn.linli.casework.NewAttachment;
import cn.linli.casework.NewCase;
import cn.linli.casework.RequestType;
import cn.linli.casework.internal.FrontDesk;
import cn.linli.shared.GeoPoint;

/**
 * The front desk's form as the browser posts it, read into a decision on a request. Text is passed on as typed (intake
 * checks it as a whole); only what the form itself encodes is read here: the enums, the map point, the chosen place,
 * the check boxes. A map point wins over a chosen place: the operator placed it on purpose.
 */
final class DeskForm {

    private DeskForm() {
    }

    static FrontDesk.Request request(Map<String, String> form) {
        return request(form, List.of());
    }

    static FrontDesk.Request request(Map<String, String> form, List<NewAttachment> attachments) {
        GeoPoint point = point(form.get("lng"), form.get("lat"));
        NewCase intake = new NewCase(choice(RequestType.class, form.get("type"), "type", "case.error.type-required"),
                choice(Channel.class, form.get("channel"), "channel", "case.error.channel-required"), form.get("title"),
                form.get("description"), point, point == null ? id(form.get("placeUnitId"), "location") : null,
                form.get("address"), form.get("reporterName"), form.get("reporterPhone"), on(form, "anonymous"),
                on(form, "confidential"), on(form, "wantsReturnVisit"), form.get("categoryCode"), on(form, "urgent"),
                form.get("idempotencyKey"));
        FrontDesk.Decision decision = choice(FrontDesk.Decision.class, form.getOrDefault("decision", "REGISTER"), "decision",
                "desk.error.decision");
        Long merge = decision == FrontDesk.Decision.REGISTER ? id(form.get("mergeInto"), "target") : null;
        Long knowledgeEntry = decision == FrontDesk.Decision.ANSWER ? entryId(form.get("knowledgeEntry")) : null;
        return new FrontDesk.Request(intake, decision, form.get("answer"), form.get("reason"), merge, attachments, knowledgeEntry);
    }

    /** Both coordinates or neither; anything else, or a point off the globe, is refused as bad coordinates. */
    static GeoPoint point(String lng, String lat) {
        boolean noLng = lng == null || lng.isBlank(), noLat = lat == null || lat.isBlank();
        if (noLng && noLat) return null;
        try {
            return new GeoPoint(Double.parseDouble(lng.strip()), Double.parseDouble(lat.strip()));
        } catch (RuntimeException e) {
            throw CaseRuleException.invalid("location", "case.error.coordinates");
        }
    }

    static Long id(String text, String field) {
        if (text == null || text.isBlank()) return null;
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw CaseRuleException.invalid(field, "case.error.case-unknown", text.strip());
        }
    }

    private static Long entryId(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw CaseRuleException.invalid("knowledgeEntry", "case.rule.knowledge-entry", text.strip());
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, String field, String key) {
        if (text == null || text.isBlank()) throw CaseRuleException.invalid(field, key);
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw CaseRuleException.invalid(field, key);
        }
    }

    private static boolean on(Map<String, String> form, String name) {
        String value = form.get(name);
        return value != null && (value.equals("on") || value.equals("true"));
    }
}
