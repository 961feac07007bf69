package cn.linli.open311.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.open311.ServiceAttribute;

/** The stored questions of the categories, in their order. */
@Component
public class AttributeStore {

    private final JdbcClient jdbc;

    AttributeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ServiceAttribute> of(String categoryCode) {
        return jdbc.sql("select code, position, datatype, required, variable, description, datatype_description, choices"
                        + " from open311_attribute where category_code = :code order by position, code")
                .param("code", categoryCode)
                .query((rs, row) -> new ServiceAttribute(rs.getString("code"), rs.getInt("position"),
                        ServiceAttribute.Datatype.valueOf(rs.getString("datatype").toUpperCase(Locale.ROOT)),
                        rs.getBoolean("required"), rs.getBoolean("variable"), rs.getString("description"),
                        rs.getString("datatype_description"), choices(rs.getString("choices"))))
                .list();
    }

    /** The codes of the categories that ask questions. */
    public List<String> categoriesWithQuestions() {
        return jdbc.sql("select distinct category_code from open311_attribute").query(String.class).list();
    }

    private static List<ServiceAttribute.Choice> choices(String text) {
        List<ServiceAttribute.Choice> choices = new ArrayList<>();
        if (text == null) {
            return choices;
        }
        for (String line : text.split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                choices.add(new ServiceAttribute.Choice(line.substring(0, equals).strip(), line.substring(equals + 1).strip()));
            }
        }
        return choices;
    }
}
