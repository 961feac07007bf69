package cn.linli.casework;

import java.util.List;
import java.util.Optional;

import cn.linli.access.Actor;
import cn.linli.shared.PhoneNumber;

/**
 * Where the front desk finds a caller (来电人) among the city's residents. Casework owns the question and works
 * without an answer: the registry implements it when it is part of the application (decision 0006's pattern, the
 * consumer owns the interface), and the desk then offers a lookup. Every answer is within the actor's scope and
 * masked as the registry masks it; a resident outside the scope is simply not found.
 */
public interface CallerDirectory {

    /** Residents with this phone number, found through its blind index. */
    List<CallerCard> findByPhone(Actor actor, PhoneNumber phone);

    /** Residents whose name matches the text (an ID or phone number is looked up exactly). */
    List<CallerCard> search(Actor actor, String text);

    /**
     * The resident's phone number, for the desk to record with the case and to find the caller's earlier cases; it
     * is never shown unmasked. Empty for a resident outside the scope or without a phone. The use is audited.
     */
    Optional<PhoneNumber> phoneOf(Actor actor, long residentId);
}
