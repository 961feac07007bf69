package cn.linli.open311.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.casework.PublicCases;
import cn.linli.open311.FiledRequest;
import cn.linli.open311.Open311Client;
import cn.linli.open311.Open311Rejected;
import cn.linli.open311.RequestSettings;
import cn.linli.open311.ServiceRequests;
import cn.linli.open311.SubmittedRequest;

/**
 * GeoReport v2 requests: POST requests (form-encoded, with an api_key), GET tokens/{token}, GET requests and GET
 * requests/{id}, each as .xml and .json.
 */
@RestController
@RequestMapping("/open311/v2")
class RequestsApi {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)\\](\\[\\])?");
    private static final int ID_LIST_MAX = 1000;

    private final ServiceRequests requests;
    private final PublicCases cases;
    private final RequestViews views;
    private final ClientGate gate;
    private final JurisdictionCheck jurisdictions;
    private final RequestSettings settings;
    private final MessageSource messages;
    private final Clock clock;

    RequestsApi(ServiceRequests requests, PublicCases cases, RequestViews views, ClientGate gate,
            JurisdictionCheck jurisdictions, RequestSettings settings, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.cases = cases;
        this.views = views;
        this.gate = gate;
        this.jurisdictions = jurisdictions;
        this.settings = settings;
        this.messages = messages;
    }

    @PostMapping("/requests.{format}")
    ResponseEntity<String> post(@PathVariable String format, HttpServletRequest http,
            @RequestHeader(name = "Idempotency-Key", required = false) String keyHeader, Locale locale) {
        Format f = Format.of(format);
        jurisdictions.require(http.getParameter("jurisdiction_id"));
        Open311Client client = gate.writer(http.getParameter("api_key"));
        String key = http.getParameter("idempotency_key") != null ? http.getParameter("idempotency_key") : keyHeader;
        SubmittedRequest submitted = new SubmittedRequest(http.getParameter("service_code"), http.getParameter("lat"),
                http.getParameter("long"), http.getParameter("address_string"), http.getParameter("address_id"),
                http.getParameter("description"), http.getParameter("media_url"), http.getParameter("first_name"),
                http.getParameter("last_name"), http.getParameter("phone"), http.getParameter("email"),
                attributes(http.getParameterMap()), key == null || key.isBlank() ? null : key.strip(),
                ServiceRequests.bodyHash(http.getParameterMap()));
        FiledRequest filed = requests.file(client, submitted);
        Map<String, Object> fields = new LinkedHashMap<>();
        if (settings.batch()) {
            fields.put("token", filed.token());
        } else {
            fields.put("service_request_id", filed.number());
        }
        fields.put("service_notice", notice(filed, locale));
        fields.put("account_id", null);
        return f.list("service_requests", "request", List.of(fields));
    }

    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Format f = Format.of(format);
        jurisdictions.require(jurisdiction);
        String number = requests.numberOfToken(token)
                .orElseThrow(() -> new Open311Rejected(404, "token " + token + " was not found"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("service_request_id", number);
        fields.put("token", token);
        return f.list("service_requests", "request", List.of(fields));
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction, Locale locale) {
        Format f = Format.of(format);
        jurisdictions.require(jurisdiction);
        PublicCases.PublicCase found = cases.byNumber(id)
                .orElseThrow(() -> new Open311Rejected(404, "service_request_id " + id + " was not found"));
        return f.list("service_requests", "request", views.requests(List.of(found), locale));
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> requests(@PathVariable String format, @RequestParam Map<String, String> query, Locale locale) {
        Format f = Format.of(format);
        jurisdictions.require(query.get("jurisdiction_id"));
        return f.list("service_requests", "request", views.requests(cases.list(filter(query)), locale));
    }

    private PublicCases.Filter filter(Map<String, String> query) {
        List<String> ids = commaList(query.get("service_request_id"));
        if (ids.size() > ID_LIST_MAX) throw new Open311Rejected(400, "service_request_id lists at most " + ID_LIST_MAX + " ids");
        Instant start = RequestViews.date("start_date", query.get("start_date"));
        Instant end = RequestViews.date("end_date", query.get("end_date"));
        if (start != null && end != null && end.isBefore(start)) throw new Open311Rejected(400, "end_date is before start_date");
        if (start == null) start = (end == null ? clock.instant() : end).minus(settings.defaultWindow());
        int pageSize = number("page_size", query.get("page_size"), settings.maxPageSize());
        if (pageSize > settings.maxPageSize()) {
            throw new Open311Rejected(400, "page_size may be at most " + settings.maxPageSize());
        }
        int page = number("page", query.get("page"), 1);
        return new PublicCases.Filter(ids, commaList(query.get("service_code")), start, end, open(query.get("status")),
                RequestViews.date("updated_after", query.get("updated_after")), (int) Math.min(Integer.MAX_VALUE,
                        (long) (page - 1) * pageSize), pageSize);
    }

    private static Boolean open(String status) {
        List<String> wanted = commaList(status);
        boolean open = false;
        boolean closed = false;
        for (String s : wanted) {
            if (s.equalsIgnoreCase("open")) open = true;
            else if (s.equalsIgnoreCase("closed")) closed = true;
            else throw new Open311Rejected(400, "status must be open or closed: " + s);
        }
        return open == closed ? null : open;
    }

    private static int number(String name, String value, int absent) {
        if (value == null || value.isBlank()) return absent;
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 1) throw new Open311Rejected(400, name + " must be 1 or more");
            return n;
        } catch (NumberFormatException e) {
            throw new Open311Rejected(400, name + " must be a whole number: " + value);
        }
    }

    private static List<String> commaList(String value) {
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static Map<String, List<String>> attributes(Map<String, String[]> form) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            Matcher m = ATTRIBUTE.matcher(name);
            if (m.matches()) answers.computeIfAbsent(m.group(1), code -> new ArrayList<>()).addAll(Arrays.asList(values));
        });
        return answers;
    }

    private String notice(FiledRequest filed, Locale locale) {
        return filed.deadline() == null ? messages.getMessage("open311.notice.received", new Object[] {filed.number()}, locale)
                : messages.getMessage("open311.notice.deadline", new Object[] {filed.number(),
                        RequestViews.time(filed.deadline())}, locale);
    }
}
