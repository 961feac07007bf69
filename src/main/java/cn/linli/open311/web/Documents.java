package cn.linli.open311.web;

import java.util.List;
import java.util.Map;

/**
 * Writes the documents of GeoReport v2 in both formats from one description, so that XML and JSON always carry the
 * same fields in the specification's order: a list is a root element of items in XML and a top-level array in JSON;
 * a field holding {@link Items} is a wrapper element of item elements in XML and an array in JSON; null is an empty
 * element and JSON null.
 */
final class Documents {

    /** A nested list: the name of each item's element in XML, and the items (field maps or plain values). */
    record Items(String itemName, List<?> items) {
    }

    private Documents() {
    }

    static String xmlList(String root, String item, List<? extends Map<String, ?>> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<").append(root).append('>');
        for (Map<String, ?> fields : items) {
            element(xml, item, fields);
        }
        return xml.append("</").append(root).append(">\n").toString();
    }

    static String xmlObject(String root, Map<String, ?> fields) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        element(xml, root, fields);
        return xml.append('\n').toString();
    }

    static String jsonList(List<? extends Map<String, ?>> items) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) json.append(',');
            object(json, items.get(i));
        }
        return json.append(']').toString();
    }

    static String jsonObject(Map<String, ?> fields) {
        StringBuilder json = new StringBuilder();
        object(json, fields);
        return json.toString();
    }

    private static void element(StringBuilder xml, String name, Map<String, ?> fields) {
        xml.append('<').append(name).append('>');
        fields.forEach((field, value) -> value(xml, field, value));
        xml.append("</").append(name).append('>');
    }

    @SuppressWarnings("unchecked")
    private static void value(StringBuilder xml, String name, Object value) {
        if (value == null) {
            xml.append('<').append(name).append("/>");
        } else if (value instanceof Items items) {
            xml.append('<').append(name).append('>');
            for (Object item : items.items()) {
                if (item instanceof Map<?, ?> map) {
                    element(xml, items.itemName(), (Map<String, ?>) map);
                } else {
                    value(xml, items.itemName(), item);
                }
            }
            xml.append("</").append(name).append('>');
        } else {
            xml.append('<').append(name).append('>').append(escapeXml(String.valueOf(value))).append("</").append(name).append('>');
        }
    }

    @SuppressWarnings("unchecked")
    private static void object(StringBuilder json, Map<String, ?> fields) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (!first) json.append(',');
            first = false;
            string(json, field.getKey());
            json.append(':');
            jsonValue(json, field.getValue());
        }
        json.append('}');
    }

    @SuppressWarnings("unchecked")
    private static void jsonValue(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Items items) {
            json.append('[');
            for (int i = 0; i < items.items().size(); i++) {
                if (i > 0) json.append(',');
                jsonValue(json, items.items().get(i));
            }
            json.append(']');
        } else if (value instanceof Map<?, ?> map) {
            object(json, (Map<String, ?>) map);
        } else if (value instanceof Boolean || value instanceof Number) {
            json.append(value);
        } else {
            string(json, String.valueOf(value));
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '<' -> json.append("\\u003c");
                case '>' -> json.append("\\u003e");
                case '&' -> json.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    static String escapeXml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // characters XML 1.0 cannot carry are dropped rather than breaking the document
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
