package cn.linli.territory.internal.snapshot;

import java.util.Arrays;
import java.util.List;

/** Why a reviewer pairing was refused; the text is {@code messageKey} in {@code i18n/snapshot*.properties}. */
public record PairingProblem(ReviewerPairing pairing, String messageKey, List<String> arguments) {

    public PairingProblem {
        arguments = List.copyOf(arguments);
    }

    static PairingProblem of(ReviewerPairing pairing, String messageKey, Object... arguments) {
        return new PairingProblem(pairing, messageKey, Arrays.stream(arguments).map(String::valueOf).toList());
    }
}
