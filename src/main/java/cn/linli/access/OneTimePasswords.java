package cn.linli.access;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import cn.linli.access.internal.PasswordSettings;

/** Passwords an administrator hands over: a new account's first one, a reset one. Each must be changed at login. */
final class OneTimePasswords {

    static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "-_.+=#%";

    private OneTimePasswords() {
    }

    /**
     * {@value #LENGTH} characters (more if the policy asks) with upper and lower case, digits and a symbol, so it passes
     * any configured policy; no 0/O or 1/l/I to misread when it is read out or copied from paper.
     */
    static String generate(PasswordSettings policy) {
        List<Character> chars = new ArrayList<>();
        chars.add(pick(UPPER));
        chars.add(pick(LOWER));
        chars.add(pick(DIGITS));
        chars.add(pick(SYMBOLS));
        int length = Math.max(LENGTH, policy.minLength());
        while (chars.size() < length) {
            chars.add(pick(UPPER + LOWER + DIGITS));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder password = new StringBuilder();
        chars.forEach(password::append);
        return password.toString();
    }

    private static char pick(String from) {
        return from.charAt(RANDOM.nextInt(from.length()));
    }
}
