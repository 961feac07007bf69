package cn.linli.open311;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The structure of a GeoReport v2 document without its values: element (or property) names in their order and
 * nesting; the repeated items of a list count once. Two documents of the same method have the same shape.
 */
final class Shapes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Shapes() {
    }

    static String example(String name) {
        try (InputStream in = Shapes.class.getResourceAsStream("/open311/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Element xml(String document) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setIgnoringComments(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + document, e);
        }
    }

    static String xmlShape(String document) {
        return shape(xml(document));
    }

    static JsonNode json(String document) {
        return JSON.readTree(document);
    }

    static String jsonShape(String document) {
        return shape(json(document));
    }

    private static String shape(Element element) {
        List<String> children = new ArrayList<>();
        String previous = null;
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                String childShape = shape(child);
                // items of a list: the first one stands for all
                if (child.getTagName().equals(previous)) continue;
                previous = child.getTagName();
                children.add(childShape);
            }
        }
        return element.getTagName() + (children.isEmpty() ? "" : "(" + String.join(",", children) + ")");
    }

    private static String shape(JsonNode node) {
        if (node.isArray()) {
            return node.isEmpty() ? "[]" : "[" + shape(node.get(0)) + "]";
        }
        if (node.isObject()) {
            List<String> fields = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String inner = shape(field.getValue());
                fields.add(field.getKey() + (inner.isEmpty() ? "" : ":" + inner));
            }
            return "{" + String.join(",", fields) + "}";
        }
        return "";
    }
}
