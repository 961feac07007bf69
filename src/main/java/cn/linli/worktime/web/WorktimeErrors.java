package cn.linli.worktime.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.linli.web.ApiError;
import cn.linli.worktime.CalendarFileRejected;

/**
 * A rejected calendar file as a 400 that lists every bad line with its column and reason. Other rejected input of
 * this module implements {@code RejectedInput} and is answered by the web frame. Ordered first, because the web
 * frame's handler of all {@code IllegalArgumentException}s would otherwise answer with the summary only.
 */
@RestControllerAdvice(assignableTypes = WorktimeApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorktimeErrors {

    private final MessageSource messages;

    WorktimeErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(CalendarFileRejected.class)
    ResponseEntity<ApiError> file(CalendarFileRejected rejected, Locale locale) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        List<ApiError.FieldMessage> errors = CalendarProblems.describe(rejected, messages, locale).stream()
                .map(problem -> new ApiError.FieldMessage(problem.field(), problem.message())).toList();
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(),
                messages.getMessage(rejected, locale), "file", errors));
    }
}
