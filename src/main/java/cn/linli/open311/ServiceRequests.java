package cn.linli.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import cn.linli.access.Actor;
import cn.linli.access.Jurisdiction;
import cn.linli.access.PersonalDataProtection;
import cn.linli.access.PersonalField;
import cn.linli.access.Role;
import cn.linli.access.SystemActors;
import cn.linli.casework.CaseReceipt;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseWork;
import cn.linli.casework.Category;
import cn.linli.casework.Channel;
import cn.linli.casework.NewCase;
import cn.linli.casework.PublicCases;
import cn.linli.casework.RequestType;
import cn.linli.open311.internal.RequestStore;
import cn.linli.shared.GeoPoint;
import cn.linli.shared.Sha256;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/**
 * Files the requests of Open311 clients through casework's intake, like the front desk's (channel API: routing,
 * duplicates and time limits apply), as the client: a machine actor with the intake rights of community staff over
 * the whole city and nothing more (docs/decisions/0008). A retry of the same request, recognised by the client's
 * idempotency key or by the same body within the retry window, answers the first request and files nothing.
 */
@Service
public class ServiceRequests {

    static final PersonalField EMAIL = new PersonalField("open311.request.email");
    private static final int DESCRIPTION_MAX = 4000;
    private static final int MEDIA_MAX = 2000;
    private static final int EMAIL_MAX = 254;

    private final ServiceDefinitions services;
    private final CaseWork work;
    private final PublicCases publicCases;
    private final SystemActors systemActors;
    private final TerritoryQueries territory;
    private final PersonalDataProtection protection;
    private final RequestStore store;
    private final RequestSettings settings;
    private final MessageSource messages;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    ServiceRequests(ServiceDefinitions services, CaseWork work, PublicCases publicCases, SystemActors systemActors,
            TerritoryQueries territory, PersonalDataProtection protection, RequestStore store, RequestSettings settings,
            MessageSource messages, Clock clock) {
        this.clock = clock;
        this.services = services;
        this.work = work;
        this.publicCases = publicCases;
        this.systemActors = systemActors;
        this.territory = territory;
        this.protection = protection;
        this.store = store;
        this.settings = settings;
        this.messages = messages;
    }

    public FiledRequest file(Open311Client client, SubmittedRequest request) {
        Instant now = clock.instant();
        if (request.idempotencyKey() == null) {
            Optional<RequestStore.Filed> earlier = store.sameBodySince(client.id(), request.bodyHash(),
                    now.minus(settings.retryWindow()));
            if (earlier.isPresent()) return answer(earlier.get(), true);
        }
        String code = blankToNull(request.serviceCode());
        if (code == null) throw new Open311Rejected(400, "service_code was not provided");
        Category service = services.published(code)
                .orElseThrow(() -> new Open311Rejected(404, "service_code " + code + " was not found"));
        String answers = AttributeAnswers.check(services.definition(code).orElseThrow(), request.attributes());
        GeoPoint point = point(request.lat(), request.lng());
        String address = blankToNull(request.addressString());
        if (point == null && address == null) {
            throw new Open311Rejected(400, blankToNull(request.addressId()) != null
                    ? "address_id is not known here: send lat and long or address_string"
                    : "a location is required: lat and long, or address_string");
        }
        String description = description(request.description(), service, answers);
        String mediaUrl = mediaUrl(request.mediaUrl());
        String email = email(request.email());
        String name = name(request.lastName(), request.firstName());
        String phone = blankToNull(request.phone());
        boolean anonymous = name == null && phone == null && email == null;
        NewCase newCase = new NewCase(RequestType.HELP, Channel.API, null, description, point,
                point == null ? addressOnlyPlace() : null, address, name, phone, anonymous, false, phone != null, code, false,
                caseworkKey(client, request));
        CaseReceipt receipt = receive(client, newCase);
        String token = token();
        store.insertIfNew(client.id(), receipt.caseId(), receipt.number(), token, request.bodyHash(), mediaUrl,
                answers.isEmpty() ? null : answers, email == null ? null : protection.protect(EMAIL, email).storedText(), now);
        return answer(store.byCase(receipt.caseId()).orElseThrow(), receipt.repeated());
    }

    /** The request a token stands for. */
    public Optional<String> numberOfToken(String token) {
        if (token == null || token.length() > 40) return Optional.empty();
        return store.byToken(token).map(RequestStore.Filed::caseNumber);
    }

    private FiledRequest answer(RequestStore.Filed filed, boolean repeated) {
        Instant deadline = publicCases.byNumber(filed.caseNumber()).map(PublicCases.PublicCase::deadline).orElse(null);
        return new FiledRequest(filed.caseId(), filed.caseNumber(), filed.token(), deadline, repeated);
    }

    private CaseReceipt receive(Open311Client client, NewCase newCase) {
        try {
            return systemActors.actingAs(actorOf(client), () -> work.receive(newCase));
        } catch (CaseRuleException e) {
            String text = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.ENGLISH);
            throw new Open311Rejected(e.kind() == CaseRuleException.Kind.NOT_FOUND ? 404 : 400, parameter(e.field()) + text);
        }
    }

    /** The client as casework sees it: it takes requests in anywhere in the city, and may do nothing else. */
    static Actor actorOf(Open311Client client) {
        String username = "open311:" + client.name();
        return new Actor(-client.id(), username.length() > 64 ? username.substring(0, 64) : username, client.name(),
                Set.of(Role.COMMUNITY_STAFF), Jurisdiction.wholeCity());
    }

    private Long addressOnlyPlace() {
        DivisionTree tree = territory.tree(null);
        Optional<Division> place = settings.addressOnlyPlace().isEmpty() ? tree.roots().stream().findFirst()
                : tree.findByCode(settings.addressOnlyPlace());
        return place.map(Division::id).orElseThrow(() -> new IllegalStateException(
                "linli.open311.requests.address-only-place " + settings.addressOnlyPlace() + " is not a division of the city"));
    }

    private static GeoPoint point(String lat, String lng) {
        String la = blankToNull(lat);
        String lo = blankToNull(lng);
        if (la == null && lo == null) return null;
        if (la == null || lo == null) throw new Open311Rejected(400, "lat and long must be given together");
        try {
            double latitude = Double.parseDouble(la);
            double longitude = Double.parseDouble(lo);
            if (!Double.isFinite(latitude) || !Double.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                throw new Open311Rejected(400, "lat and long must be WGS84 degrees");
            }
            return new GeoPoint(longitude, latitude);
        } catch (NumberFormatException e) {
            throw new Open311Rejected(400, "lat and long must be decimal degrees (WGS84)");
        }
    }

    private static String description(String given, Category service, String answers) {
        String text = blankToNull(given);
        if (text != null && text.length() > DESCRIPTION_MAX) {
            throw new Open311Rejected(400, "description may have at most " + DESCRIPTION_MAX + " characters; it has " + text.length());
        }
        if (text == null) text = service.nameZh();
        // the handler needs the answers with the request; they stay with the request alone if the case has no room
        String withAnswers = answers.isEmpty() ? text : text + "\n\n" + answers;
        return withAnswers.length() <= DESCRIPTION_MAX ? withAnswers : text;
    }

    static String mediaUrl(String given) {
        String url = blankToNull(given);
        if (url == null) return null;
        if (url.length() > MEDIA_MAX) throw new Open311Rejected(400, "media_url may have at most " + MEDIA_MAX + " characters");
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                throw new Open311Rejected(400, "media_url must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new Open311Rejected(400, "media_url is not a valid URL");
        }
        return url;
    }

    private static String email(String given) {
        String email = blankToNull(given);
        if (email == null) return null;
        if (email.length() > EMAIL_MAX || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new Open311Rejected(400, "email is not a valid e-mail address");
        }
        return email;
    }

    /** Chinese order: family name first. */
    private static String name(String last, String first) {
        String family = blankToNull(last);
        String given = blankToNull(first);
        if (family == null && given == null) return null;
        return (family == null ? "" : family) + (family != null && given != null && isLatin(family + given) ? " " : "")
                + (given == null ? "" : given);
    }

    private static boolean isLatin(String text) {
        return text.chars().allMatch(c -> c < 0x2E80);
    }

    private static String caseworkKey(Open311Client client, SubmittedRequest request) {
        String own = blankToNull(request.idempotencyKey());
        // the client's key, or its body within the retry window's slot for two identical requests racing each other
        String basis = own != null ? "k:" + own : "b:" + request.bodyHash() + ":" + Instant.now().getEpochSecond() / 600;
        return "open311:" + client.id() + ":" + Sha256.hex(basis).substring(0, 48);
    }

    private String token() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String parameter(String field) {
        if (field == null) return "";
        return switch (field) {
            case "location" -> "lat/long: ";
            case "reporterPhone" -> "phone: ";
            case "reporterName" -> "first_name/last_name: ";
            case "address" -> "address_string: ";
            case "category" -> "service_code: ";
            case "idempotencyKey" -> "idempotency_key: ";
            default -> field + ": ";
        };
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The digest of a form for recognising retries: every parameter but the key, in a fixed order. */
    public static String bodyHash(java.util.Map<String, String[]> form) {
        StringBuilder body = new StringBuilder();
        form.entrySet().stream().filter(e -> !e.getKey().equals("api_key")).sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> body.append(e.getKey()).append('=').append(String.join("\u0001", e.getValue())).append('\u0002'));
        return Sha256.hex(body.toString());
    }
}
