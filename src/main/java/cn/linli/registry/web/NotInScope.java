package cn.linli.registry.web;

/**
 * A record the caller may not see, or that does not exist: answered as 404 alike, so that its existence outside the
 * caller's scope does not leak.
 */
class NotInScope extends RuntimeException {

    NotInScope() {
        super("not found in the caller's scope");
    }
}
