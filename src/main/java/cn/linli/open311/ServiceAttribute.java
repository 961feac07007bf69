package cn.linli.open311;

import java.util.List;

/**
 * A question of a service definition (GeoReport v2 attribute): {@code variable} false for text only shown to the
 * reporter; {@code values} the choices of a single or multiple value list.
 */
public record ServiceAttribute(String code, int order, Datatype datatype, boolean required, boolean variable,
        String description, String datatypeDescription, List<Choice> values) {

    public ServiceAttribute {
        values = List.copyOf(values);
    }

    public enum Datatype {
        STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean isList() {
            return this == SINGLEVALUELIST || this == MULTIVALUELIST;
        }
    }

    public record Choice(String key, String name) {
    }
}
