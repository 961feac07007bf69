package cn.linli.knowledge.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.linli.knowledge.KnowledgeEntryConflict;
import cn.linli.web.ApiError;

/** The API's answer to an unknown entry (404) or a revision of an outdated version (409), in the user's language. */
@RestControllerAdvice(assignableTypes = KnowledgeApi.class)
class KnowledgeApiErrors {

    private final MessageSource messages;

    KnowledgeApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(KnowledgeEntryConflict.class)
    ResponseEntity<ApiError> conflict(KnowledgeEntryConflict conflict, Locale locale) {
        HttpStatus status = conflict.kind() == KnowledgeEntryConflict.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        String message = messages.getMessage(conflict.messageKey(), new Object[] {conflict.entryId()}, locale);
        return ResponseEntity.status(status).body(ApiError.of(status.value(), status.getReasonPhrase(), message));
    }
}
