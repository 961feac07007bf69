package cn.linli.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The answer to an API write leaves in one piece, with its length, when the request ends. Spring's JSON converter
 * flushes after writing, which committed the response halfway through the request: Tomcat then sent the answer
 * chunked (one more write for the closing chunk) and Spring Session and Spring Security ran their on-commit work
 * besides the work at their filters' end, a cost every intake paid (docs/performance.md). Here a flush inside the
 * request is put off; an answer larger than Tomcat's buffer still goes out as it fills. Reads are left alone: the
 * live event stream (server-sent events, a GET) must flush each event.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class WholeApiAnswers extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") || ApiWriteLimitFilter.isRead(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new FlushAtTheEnd(response));
    }

    /** Flushes become no-ops; the container flushes the whole answer when the request is done. */
    private static final class FlushAtTheEnd extends HttpServletResponseWrapper {

        private ServletOutputStream out;

        FlushAtTheEnd(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
            // the container flushes at the end of the request
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) out = new UnflushedStream(super.getOutputStream());
            return out;
        }
    }

    private static final class UnflushedStream extends ServletOutputStream {

        private final ServletOutputStream target;

        UnflushedStream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
        }

        @Override
        public void flush() {
            // the container flushes at the end of the request
        }

        @Override
        public void close() throws IOException {
            target.close();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
