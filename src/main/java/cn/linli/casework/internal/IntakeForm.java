package cn.linli.casework.internal;

import cn.linli.casework.CaseRuleException;
import cn.linli.casework.Channel;
import cn.linli.casework.NewCase;
import cn.linli.casework.RequestType;
import cn.linli.shared.InvalidPhoneNumberException;
import cn.linli.shared.PhoneNumber;

/**
 * The text of a request, checked before anything is written: required fields, lengths, a phone number that is a
 * phone number. A title left empty is taken from the start of the description, as call-takers often leave it.
 */
record IntakeForm(RequestType type, Channel channel, String title, String description, String address, String reporterName,
        PhoneNumber phone, String categoryCode) {

    private static final int NAME_MAX = 100;
    private static final int ADDRESS_MAX = 300;
    private static final int TITLE_FROM_DESCRIPTION = 30;

    static IntakeForm check(NewCase request) {
        if (request.type() == null) throw CaseRuleException.invalid("type", "case.error.type-required");
        if (request.channel() == null) throw CaseRuleException.invalid("channel", "case.error.channel-required");
        String description = strip(request.description());
        if (description == null) throw CaseRuleException.invalid("description", "case.error.description-required");
        if (description.length() > CaseLimits.DESCRIPTION_MAX) {
            throw CaseRuleException.invalid("description", "case.error.description-too-long", CaseLimits.DESCRIPTION_MAX, description.length());
        }
        String title = strip(request.title());
        if (title == null) title = description.length() <= TITLE_FROM_DESCRIPTION ? description : description.substring(0, TITLE_FROM_DESCRIPTION) + "…";
        if (title.length() > CaseLimits.TITLE_MAX) throw CaseRuleException.invalid("title", "case.error.too-long", CaseLimits.TITLE_MAX);
        String address = strip(request.address());
        if (address != null && address.length() > ADDRESS_MAX) throw CaseRuleException.invalid("address", "case.error.too-long", ADDRESS_MAX);
        String name = request.anonymous() ? null : strip(request.reporterName());
        if (name != null && name.length() > NAME_MAX) throw CaseRuleException.invalid("reporterName", "case.error.too-long", NAME_MAX);
        PhoneNumber phone = request.anonymous() ? null : phone(strip(request.reporterPhone()));
        if (request.wantsReturnVisit() && !request.anonymous() && phone == null) {
            throw CaseRuleException.invalid("reporterPhone", "case.error.phone-for-visit");
        }
        return new IntakeForm(request.type(), request.channel(), title, description, address, name, phone, strip(request.categoryCode()));
    }

    private static PhoneNumber phone(String text) {
        if (text == null) return null;
        try {
            return PhoneNumber.parse(text);
        } catch (InvalidPhoneNumberException e) {
            throw CaseRuleException.invalid("reporterPhone", "case.error.phone");
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
