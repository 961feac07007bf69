package cn.linli.open311.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.linli.open311.Open311Rejected;
import cn.linli.open311.ServiceAttribute;
import cn.linli.open311.ServiceDefinitions;

/**
 * GeoReport v2 under {@code /open311/v2/}: every method as {@code .xml} and {@code .json}. Refusals come in the
 * specification's error format (a list of code and description) with the same HTTP status.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Api {

    static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
    static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");
    /** When this implementation of the specification last changed, as discovery reports it. */
    private static final String CHANGESET = "2026-11-26T00:00:00+08:00";

    private final ServiceDefinitions services;
    private final JurisdictionCheck jurisdictions;
    private final Open311Settings settings;

    Open311Api(ServiceDefinitions services, JurisdictionCheck jurisdictions, Open311Settings settings) {
        this.services = services;
        this.jurisdictions = jurisdictions;
        this.settings = settings;
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format) {
        Format f = Format.of(format);
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2").toUriString());
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", "production");
        endpoint.put("formats", new Documents.Items("format", List.of("text/xml", "application/json")));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", CHANGESET);
        discovery.put("contact", settings.contact());
        discovery.put("key_service", settings.keyService());
        discovery.put("endpoints", new Documents.Items("endpoint", List.of(endpoint)));
        return f.object("discovery", discovery);
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction, Locale locale) {
        Format f = Format.of(format);
        jurisdictions.require(jurisdiction);
        List<Map<String, Object>> list = new ArrayList<>();
        for (ServiceDefinitions.Offered service : services.services(locale)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("service_code", service.code());
            fields.put("service_name", service.name());
            fields.put("description", service.description());
            fields.put("metadata", service.metadata());
            fields.put("type", "realtime");
            fields.put("keywords", String.join(", ", service.keywords()));
            fields.put("group", service.group());
            list.add(fields);
        }
        return f.list("services", "service", list);
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Format f = Format.of(format);
        jurisdictions.require(jurisdiction);
        List<ServiceAttribute> attributes = services.definition(code)
                .orElseThrow(() -> new Open311Rejected(404, "service_code " + code + " not found"));
        List<Map<String, Object>> list = new ArrayList<>();
        for (ServiceAttribute a : attributes) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("variable", a.variable());
            fields.put("code", a.code());
            fields.put("datatype", a.datatype().wireName());
            fields.put("required", a.required());
            fields.put("datatype_description", a.datatypeDescription());
            fields.put("order", a.order());
            fields.put("description", a.description());
            if (a.datatype().isList()) {
                List<Map<String, Object>> values = new ArrayList<>();
                for (ServiceAttribute.Choice choice : a.values()) {
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("key", choice.key());
                    value.put("name", choice.name());
                    values.add(value);
                }
                fields.put("values", new Documents.Items("value", values));
            }
            list.add(fields);
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", code);
        definition.put("attributes", new Documents.Items("attribute", list));
        return f.object("service_definition", definition);
    }
}
