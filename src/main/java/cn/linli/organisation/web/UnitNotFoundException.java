package cn.linli.organisation.web;

/** A unit that does not exist or that the caller may not see: both answered 404, so scope does not leak. */
class UnitNotFoundException extends RuntimeException {

    UnitNotFoundException(long id) {
        super("no visible handling unit " + id);
    }
}
