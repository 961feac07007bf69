package cn.linli.casework;

import java.util.Arrays;
import java.util.List;

import cn.linli.web.RejectedInput;

/**
 * A category input or operation that breaks a catalogue rule. Carries every problem found (field, message key and
 * arguments), so the answer lists them all in the user's language; nothing has been changed when it is thrown.
 */
public class CategoryException extends IllegalArgumentException implements RejectedInput {

    /** Whether the input was wrong or the category it names does not exist. */
    public enum Kind { INVALID, NOT_FOUND }

    /** One rejected field, with the message key and its arguments. */
    public record Problem(String field, String key, List<Object> arguments) {

        public Problem(String field, String key, Object... arguments) {
            this(field, key, Arrays.asList(arguments.clone()));
        }

        public Problem {
            // Arguments may be null (a value that was not sent), which List.copyOf refuses.
            arguments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
        }
    }

    private final Kind kind;
    private final transient List<Problem> problems;

    public CategoryException(String field, String key, Object... arguments) {
        this(Kind.INVALID, List.of(new Problem(field, key, arguments)));
    }

    public CategoryException(Kind kind, List<Problem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) throw new IllegalStateException("a rejection needs at least one problem");
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public static CategoryException notFound(String code) {
        return new CategoryException(Kind.NOT_FOUND, List.of(new Problem("code", "casework.error.not-found", code)));
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The same problems reported against another field, e.g. a limit's {@code amount} as {@code limits.HANDLE}. */
    public CategoryException atField(String field) {
        return new CategoryException(kind, problems.stream().map(p -> new Problem(field, p.key(), p.arguments())).toList());
    }

    @Override
    public String field() {
        return problems.get(0).field();
    }

    @Override
    public String[] getCodes() {
        return new String[] {problems.size() == 1 ? problems.get(0).key() : "casework.error.invalid"};
    }

    @Override
    public Object[] getArguments() {
        return problems.size() == 1 ? problems.get(0).arguments().toArray() : new Object[] {problems.size()};
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(p -> p.field() + ": " + p.key() + " " + p.arguments()).toList().toString();
    }
}
