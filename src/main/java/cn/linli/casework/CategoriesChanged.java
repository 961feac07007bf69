package cn.linli.casework;

import java.time.Instant;

/**
 * Published in the transaction that changes a category; listeners after commit see the new catalogue. The version
 * in force before {@code validFrom} still answers for earlier instants.
 */
public record CategoriesChanged(String code, Change change, int version, Instant validFrom) {

    public enum Change { CREATED, UPDATED, RETIRED, DEFAULTS_LOADED }
}
