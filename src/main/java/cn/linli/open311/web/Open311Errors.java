package cn.linli.open311.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.linli.open311.Open311Rejected;

/** Refusals of the Open311 interface in the specification's error format, in the format the path asked for. */
@RestControllerAdvice(assignableTypes = {Open311Api.class, RequestsApi.class, UpdatesApi.class})
class Open311Errors {

    @ExceptionHandler(Open311Rejected.class)
    ResponseEntity<String> rejected(Open311Rejected rejected, HttpServletRequest request) {
        return Format.ofRequest(request).errors(rejected.status(), List.of(rejected.description()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<String> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return Format.ofRequest(request).errors(405, List.of("method " + e.getMethod() + " is not supported here"));
    }
}
