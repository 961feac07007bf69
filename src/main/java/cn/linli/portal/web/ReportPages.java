package cn.linli.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import cn.linli.casework.Category;
import cn.linli.casework.NewAttachment;
import cn.linli.casework.RequestType;
import cn.linli.portal.NotificationChannel;
import cn.linli.portal.PortalRejected;
import cn.linli.portal.ResidentReports;
import cn.linli.territory.MapSettings;

/**
 * Reporting a problem: choose a category (searchable), answer its questions, place a pin (or use the phone's
 * location), add photos and a description, see similar open cases nearby (and follow one instead), and get the
 * tracking number. A refused report comes back as typed with the reason next to the field.
 */
@Controller
class ReportPages {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([A-Za-z0-9_-]{1,40})](\\[])?");

    private final ResidentReports reports;
    private final PortalMessages messages;
    private final MapSettings map;

    ReportPages(ResidentReports reports, PortalMessages messages, MapSettings map) {
        this.reports = reports;
        this.messages = messages;
        this.map = map;
    }

    @GetMapping("/portal")
    String home() {
        return "portal/home";
    }

    @GetMapping("/portal/report")
    String categories(@RequestParam(required = false) String q, Model model, Locale locale) {
        List<Category> found = reports.categories(q, locale);
        Map<String, List<Category>> groups = new LinkedHashMap<>();
        found.forEach(c -> groups.computeIfAbsent(reports.group(c, locale), g -> new ArrayList<>()).add(c));
        model.addAttribute("q", q);
        model.addAttribute("groups", groups);
        model.addAttribute("count", found.size());
        return "portal/categories";
    }

    @GetMapping("/portal/report/{code}")
    String form(@PathVariable String code, Model model) {
        Category category = reports.category(code).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND));
        prepare(model, category);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("typed", Map.of());
        model.addAttribute("answers", Map.of());
        model.addAttribute("type", reports.isInquiry(category) ? RequestType.INQUIRY : RequestType.HELP);
        return "portal/report";
    }

    @GetMapping("/portal/report/{code}/nearby")
    String nearby(@PathVariable String code, @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng,
            @RequestParam(required = false) String crs, Model model) {
        try {
            model.addAttribute("nearby", reports.nearby(code, lat, lng, crs));
        } catch (PortalRejected e) {
            model.addAttribute("nearby", List.of());
        }
        return "portal/parts :: nearby";
    }

    @PostMapping("/portal/report/{code}")
    String file(@PathVariable String code, @RequestParam Map<String, String> form, HttpServletRequest request,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model, Locale locale,
            HttpServletResponse response) {
        RequestType type = enumOf(RequestType.class, form.get("type"));
        try {
            ResidentReports.Report report = new ResidentReports.Report(code, type, answers(request), number(form.get("lat")),
                    number(form.get("lng")), form.get("crs"), form.get("address"), form.get("description"), form.get("name"),
                    form.get("phone"), enumOf(NotificationChannel.class, form.get("channel")), form.get("formKey"),
                    request.getRemoteAddr());
            String number = reports.file(report, attachments(photos));
            return "redirect:/portal/report/filed?number=" + number;
        } catch (PortalRejected e) {
            response.setStatus(e.status());
            Category category = reports.category(code).orElse(null);
            if (category == null) {
                model.addAttribute("failure", messages.of(e, locale));
                return categories(null, model, locale);
            }
            prepare(model, category);
            model.addAttribute("failure", messages.of(e, locale));
            model.addAttribute("failedField", e.field());
            model.addAttribute("formKey", form.get("formKey"));
            model.addAttribute("typed", form);
            model.addAttribute("answers", answers(request));
            model.addAttribute("type", type == null ? RequestType.HELP : type);
            return "portal/report";
        }
    }

    @GetMapping("/portal/report/filed")
    String filed(@RequestParam String number, Model model) {
        model.addAttribute("number", number);
        return "portal/filed";
    }

    @GetMapping("/portal/follow")
    String followForm(@RequestParam(required = false) String number, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("followed", false);
        return "portal/followed";
    }

    @PostMapping("/portal/follow")
    String follow(@RequestParam(required = false) String number, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String channel, HttpServletRequest request, Model model, Locale locale,
            HttpServletResponse response) {
        try {
            reports.follow(number, phone, enumOf(NotificationChannel.class, channel), request.getRemoteAddr());
            model.addAttribute("number", number);
            model.addAttribute("followed", true);
            return "portal/followed";
        } catch (PortalRejected e) {
            response.setStatus(e.status());
            model.addAttribute("failure", messages.of(e, locale));
            model.addAttribute("number", number);
            model.addAttribute("followed", false);
            return "portal/followed";
        }
    }

    private void prepare(Model model, Category category) {
        model.addAttribute("category", category);
        model.addAttribute("questions", reports.questions(category.code().value()));
        model.addAttribute("inquiry", reports.isInquiry(category));
        model.addAttribute("knowledge", reports.knowledgeAnswers(category));
        model.addAttribute("types", ResidentReports.OFFERED_TYPES);
        model.addAttribute("channels", NotificationChannel.values());
        model.addAttribute("map", map);
    }

    /** {@code attribute[CODE]} and {@code attribute[CODE][]} as Open311 forms name them. */
    private static Map<String, List<String>> answers(HttpServletRequest request) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            Matcher m = ATTRIBUTE.matcher(name);
            if (m.matches()) answers.computeIfAbsent(m.group(1), k -> new ArrayList<>()).addAll(List.of(values));
        });
        return answers;
    }

    private static List<NewAttachment> attachments(List<MultipartFile> files) {
        if (files == null) return List.of();
        List<NewAttachment> attachments = new ArrayList<>();
        for (MultipartFile f : files) {
            if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) continue;
            try {
                attachments.add(new NewAttachment(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return attachments;
    }

    private static Double number(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new PortalRejected("location", "portal.error.location-invalid");
        }
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
