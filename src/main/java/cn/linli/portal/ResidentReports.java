package cn.linli.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.linli.access.PersonalDataProtection;
import cn.linli.casework.CaseDuplicates;
import cn.linli.casework.CaseReceipt;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseWork;
import cn.linli.casework.Categories;
import cn.linli.casework.Category;
import cn.linli.casework.Channel;
import cn.linli.casework.NewAttachment;
import cn.linli.casework.NewCase;
import cn.linli.casework.PublicCases;
import cn.linli.casework.RequestType;
import cn.linli.knowledge.KnowledgeBase;
import cn.linli.knowledge.KnowledgeEntry;
import cn.linli.open311.AnswerRejected;
import cn.linli.open311.ServiceAttribute;
import cn.linli.open311.ServiceDefinitions;
import cn.linli.portal.internal.Attempts;
import cn.linli.portal.internal.PortalActor;
import cn.linli.portal.internal.PortalReportsPhone;
import cn.linli.portal.internal.PortalStore;
import cn.linli.portal.internal.ReportChecks;
import cn.linli.shared.GeoPoint;
import cn.linli.shared.PhoneNumber;

/**
 * Residents' reports: the categories they may choose (the published ones, with their Open311 questions), answers
 * from the knowledge base for inquiries, similar open cases nearby to follow instead, and filing through casework's
 * intake (channel WEB) with the form's idempotency key, so a double submit or a retry never makes a second case.
 * Filing is limited per client address and per phone; a refused report has stored nothing.
 */
@Service
public class ResidentReports {

    /** A report as the form sent it; {@code answers} by question code; the point in the map's {@code crs}. */
    public record Report(String categoryCode, RequestType type, Map<String, List<String>> answers, Double lat, Double lng,
            String crs, String address, String description, String name, String phone, NotificationChannel channel,
            String formKey, String clientAddress) {
    }

    /** An open public case near the pin, to follow instead of reporting again. */
    public record Nearby(String number, String categoryCode, Instant receivedAt, long metres) {
    }

    /** 举报 is not offered: its reporters are kept confidential, which a public self-service page cannot promise. */
    public static final List<RequestType> OFFERED_TYPES = List.of(RequestType.HELP, RequestType.COMPLAINT,
            RequestType.INQUIRY, RequestType.SUGGESTION, RequestType.PRAISE);
    private static final int FORM_KEY_MAX = 80;
    private static final int KNOWLEDGE_ANSWERS = 5;

    private final Categories categories;
    private final ServiceDefinitions services;
    private final KnowledgeBase knowledge;
    private final CaseDuplicates duplicates;
    private final PublicCases publicCases;
    private final CaseWork work;
    private final PortalActor portal;
    private final ReportChecks checks;
    private final PortalStore store;
    private final Attempts attempts;
    private final PersonalDataProtection protection;
    private final PortalSettings settings;
    private final Clock clock;

    ResidentReports(Categories categories, ServiceDefinitions services, KnowledgeBase knowledge, CaseDuplicates duplicates,
            PublicCases publicCases, CaseWork work, PortalActor portal, ReportChecks checks, PortalStore store,
            Attempts attempts, PersonalDataProtection protection, PortalSettings settings, Clock clock) {
        this.clock = clock;
        this.categories = categories;
        this.services = services;
        this.knowledge = knowledge;
        this.duplicates = duplicates;
        this.publicCases = publicCases;
        this.work = work;
        this.portal = portal;
        this.checks = checks;
        this.store = store;
        this.attempts = attempts;
        this.protection = protection;
        this.settings = settings;
    }

    /** Published categories whose name, group or keywords contain the text (all of them for none). */
    public List<Category> categories(String query, Locale locale) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return categories.publicCategories().stream().filter(c -> q.isEmpty() || matches(c, q)).toList();
    }

    public Optional<Category> category(String code) {
        return code == null ? Optional.empty() : services.published(code.strip());
    }

    /** The name of the category's major class, for grouping. */
    public String group(Category category, Locale locale) {
        return category.parentCode() == null ? "" : categories.find(category.parentCode().value()).map(p -> p.name(locale)).orElse("");
    }

    public List<ServiceAttribute> questions(String code) {
        return services.definition(code).orElse(List.of());
    }

    /**
     * Inquiry categories (咨询, by the catalogue's naming: it has no flag for them) are filed as inquiries by default
     * and always show what the knowledge base says about their subject.
     */
    public boolean isInquiry(Category category) {
        return category.nameZh().contains("咨询");
    }

    /**
     * What the knowledge base answers before a resident files: for an inquiry, the best entries on the category's
     * subject; for any other category, the entries tagged with it (a heating complaint first meets what to check
     * before the heating company is called out), none when no entry is tagged.
     */
    public List<KnowledgeEntry> knowledgeAnswers(Category category) {
        String text = isInquiry(category) ? category.nameZh() + " " + String.join(" ", category.keywords()) : "";
        return knowledge.answers(text, List.of(category.code().value()), KNOWLEDGE_ANSWERS).stream().map(h -> h.entry())
                .filter(e -> !text.isEmpty() || e.categoryCodes().contains(category.code().value())).toList();
    }

    /** Open public cases of the category near the point, nearest first. */
    public List<Nearby> nearby(String code, Double lat, Double lng, String crs) {
        if (category(code).isEmpty() || lat == null || lng == null) return List.of();
        GeoPoint point = checks.point(lat, lng, crs);
        var near = portal.run(() -> duplicates.near(code, point));
        var visible = publicCases.byIds(near.stream().map(d -> d.summary().id()).toList()).stream()
                .map(PublicCases.PublicCase::id).toList();
        return near.stream().filter(d -> visible.contains(d.summary().id()))
                .map(d -> new Nearby(d.summary().number(), d.summary().categoryCode(), d.summary().receivedAt(),
                        Math.round(d.distanceMetres())))
                .toList();
    }

    /**
     * Files the report; a retry with the same form key answers the first case's number.
     *
     * @throws PortalRejected for bad input (nothing stored) or when the address or phone has filed too many
     */
    public String file(Report report, List<NewAttachment> photos) {
        String formKey = formKey(report.formKey());
        Optional<String> earlier = store.numberOfFormKey(formKey);
        if (earlier.isPresent()) return earlier.get();
        Category category = category(report.categoryCode())
                .orElseThrow(() -> report.categoryCode() == null || report.categoryCode().isBlank()
                        ? new PortalRejected("category", "portal.error.category-required")
                        : new PortalRejected("category", "portal.error.category-unknown", report.categoryCode()));
        if (report.type() != null && !OFFERED_TYPES.contains(report.type())) {
            throw new PortalRejected("type", "portal.error.type", report.type().name());
        }
        String answers = answers(category, report.answers());
        GeoPoint point = checks.point(report.lat(), report.lng(), report.crs());
        PhoneNumber phone = checks.mobile(report.phone());
        checks.allowed("description", report.description());
        checks.allowed("address", report.address());
        checks.allowed("name", report.name());
        checks.allowed("answers", answers);
        Instant now = clock.instant();
        String phoneIndex = protection.blindIndex(PortalReportsPhone.FIELD, phone.value());
        limit(Attempts.REPORT_ADDRESS, report.clientAddress(), settings.reports().perAddress(), now);
        limit(Attempts.REPORT_PHONE, phoneIndex, settings.reports().perPhone(), now);
        String description = report.description() == null || report.description().isBlank() || answers.isEmpty()
                ? report.description() : report.description().strip() + "\n\n" + answers;
        NewCase newCase = new NewCase(report.type() == null ? RequestType.HELP : report.type(), Channel.WEB, null, description,
                point, null, report.address(), report.name(), phone.value(), false, false, true, category.code().value(),
                false, "portal:" + formKey);
        CaseReceipt receipt = receive(newCase, photos);
        if (store.addReport(receipt.caseId(), receipt.number(), formKey, now)) {
            attempts.record(Attempts.REPORT_ADDRESS, report.clientAddress(), now);
            attempts.record(Attempts.REPORT_PHONE, phoneIndex, now);
        }
        store.subscribe(receipt.caseId(), receipt.number(), true, protection.protect(PortalReportsPhone.FIELD, phone),
                channel(report.channel()), now);
        return receipt.number();
    }

    /**
     * Subscribes a phone to an open public case instead of reporting it again (counted like a report, since it sends
     * messages to the phone).
     */
    public void follow(String number, String phoneText, NotificationChannel channel, String clientAddress) {
        PhoneNumber phone = checks.mobile(phoneText);
        PublicCases.PublicCase followed = publicCases.byNumber(number == null ? null : number.strip())
                .filter(c -> c.state().isOpen())
                .orElseThrow(() -> new PortalRejected("number", "portal.error.follow-unknown", number));
        Instant now = clock.instant();
        String phoneIndex = protection.blindIndex(PortalReportsPhone.FIELD, phone.value());
        limit(Attempts.REPORT_ADDRESS, clientAddress, settings.reports().perAddress(), now);
        limit(Attempts.REPORT_PHONE, phoneIndex, settings.reports().perPhone(), now);
        attempts.record(Attempts.REPORT_ADDRESS, clientAddress, now);
        attempts.record(Attempts.REPORT_PHONE, phoneIndex, now);
        store.subscribe(followed.id(), followed.number(), false, protection.protect(PortalReportsPhone.FIELD, phone),
                channel(channel), now);
    }

    private CaseReceipt receive(NewCase newCase, List<NewAttachment> photos) {
        try {
            return portal.run(() -> work.receive(newCase, photos));
        } catch (CaseRuleException e) {
            throw new PortalRejected(e.field() == null ? "report" : e.field(), e.messageKey(), e.arguments());
        }
    }

    /** The answers checked against the category's questions; dates from a phone's picker are city time. */
    private String answers(Category category, Map<String, List<String>> given) {
        Map<String, List<String>> answers = new LinkedHashMap<>(given == null ? Map.of() : given);
        for (ServiceAttribute q : questions(category.code().value())) {
            if (q.datatype() == ServiceAttribute.Datatype.DATETIME && answers.containsKey(q.code())) {
                answers.put(q.code(), answers.get(q.code()).stream().map(ResidentReports::withCityOffset).toList());
            }
        }
        try {
            return services.checkAnswers(category.code().value(), answers);
        } catch (AnswerRejected e) {
            String question = questions(category.code().value()).stream().filter(q -> q.code().equals(e.attribute()))
                    .map(ServiceAttribute::description).findFirst().orElse(e.attribute());
            throw new PortalRejected("attribute-" + e.attribute(), "portal.error.answer." + e.reason(), question, e.value());
        }
    }

    private static String withCityOffset(String value) {
        try {
            return LocalDateTime.parse(value.strip()).atZone(Categories.CITY_ZONE).toOffsetDateTime().toString();
        } catch (DateTimeParseException notLocal) {
            return value;
        }
    }

    private void limit(String kind, String subject, int max, Instant now) {
        if (attempts.since(kind, subject, now.minus(settings.reports().window())) >= max) {
            throw new PortalRejected(429, kind.endsWith("phone") ? "phone" : "report", "portal.error.too-many-reports",
                    settings.reports().window().toMinutes());
        }
    }

    private static String formKey(String key) {
        if (key == null || key.isBlank() || key.length() > FORM_KEY_MAX || !key.matches("[A-Za-z0-9-]+")) {
            throw new PortalRejected("report", "portal.error.form-key");
        }
        return key;
    }

    private static NotificationChannel channel(NotificationChannel channel) {
        return channel == null ? NotificationChannel.NONE : channel;
    }

    private boolean matches(Category c, String q) {
        List<String> texts = new ArrayList<>(List.of(c.nameZh(), c.nameEn(), c.code().value()));
        texts.addAll(c.keywords());
        if (c.parentCode() != null) {
            categories.find(c.parentCode().value()).ifPresent(p -> {
                texts.add(p.nameZh());
                texts.add(p.nameEn());
            });
        }
        return texts.stream().anyMatch(t -> t != null && t.toLowerCase(Locale.ROOT).contains(q));
    }
}
