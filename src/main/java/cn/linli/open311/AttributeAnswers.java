package cn.linli.open311;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of a request to its service's questions, checked against the service definition: required ones given,
 * numbers and dates well-formed, list values among the choices. Answers to questions the service does not ask are
 * ignored, as GeoReport v2 clients (FixMyStreet among them) send attributes of their own. The answers become lines
 * of text for the case, since the handler needs them and a case has no place for structured answers.
 */
final class AttributeAnswers {

    private static final int STRING_MAX = 500;
    private static final int TEXT_MAX = 4000;

    private AttributeAnswers() {
    }

    /** The answered questions as "question: answer" lines, in the definition's order; empty when none was answered. */
    static String check(List<ServiceAttribute> questions, Map<String, List<String>> given) {
        List<String> lines = new ArrayList<>();
        for (ServiceAttribute question : questions) {
            if (!question.variable()) continue;
            List<String> values = given.getOrDefault(question.code(), List.of()).stream()
                    .map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (values.isEmpty()) {
                if (question.required()) {
                    throw new AnswerRejected(question.code(), "required", null, "attribute[" + question.code() + "] is required for this service_code");
                }
                continue;
            }
            lines.add(question.description() + " " + answer(question, values));
        }
        return String.join("\n", lines);
    }

    private static String answer(ServiceAttribute question, List<String> values) {
        String code = question.code();
        switch (question.datatype()) {
            case NUMBER -> {
                String value = single(code, values);
                try {
                    return new BigDecimal(value).toPlainString();
                } catch (NumberFormatException e) {
                    throw new AnswerRejected(code, "number", value, "attribute[" + code + "] must be a number: " + value);
                }
            }
            case DATETIME -> {
                String value = single(code, values);
                try {
                    return OffsetDateTime.parse(value).toString();
                } catch (DateTimeParseException e) {
                    throw new AnswerRejected(code, "datetime", value, "attribute[" + code + "] must be an ISO 8601 date and time with offset: " + value);
                }
            }
            case SINGLEVALUELIST -> {
                return choice(question, single(code, values));
            }
            case MULTIVALUELIST -> {
                return String.join("、", values.stream().map(v -> choice(question, v)).toList());
            }
            case STRING -> {
                return limited(code, single(code, values), STRING_MAX);
            }
            default -> {
                return limited(code, single(code, values), TEXT_MAX);
            }
        }
    }

    private static String single(String code, List<String> values) {
        if (values.size() > 1) throw new AnswerRejected(code, "single", null, "attribute[" + code + "] takes one value");
        return values.get(0);
    }

    private static String limited(String code, String value, int max) {
        if (value.length() > max) {
            throw new AnswerRejected(code, "too-long", String.valueOf(max), "attribute[" + code + "] may have at most " + max + " characters");
        }
        return value;
    }

    private static String choice(ServiceAttribute question, String key) {
        Optional<ServiceAttribute.Choice> choice = question.values().stream().filter(c -> c.key().equals(key)).findFirst();
        return choice.map(ServiceAttribute.Choice::name).orElseThrow(() -> new AnswerRejected(question.code(), "choice", key, "attribute["
                + question.code() + "] value " + key + " is not one of the values the service definition lists"));
    }
}
