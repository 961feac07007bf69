package cn.linli.organisation.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A unit that does not exist or that the caller may not see: both answered 404, so scope does not leak. The API
 * answers it in JSON (OrganisationApiErrors); the status here is for the pages, which otherwise answered 500.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class UnitNotFoundException extends RuntimeException {

    UnitNotFoundException(long id) {
        super("no visible handling unit " + id);
    }
}
