package cn.linli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ApiWriteLimitFilterTest {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    ApiWriteLimitFilterTest() {
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    ApiWriteLimitFilter filter(int maxWrites) {
        return new ApiWriteLimitFilter(maxWrites, JsonMapper.builder().build(), messages, new LanguageCookieResolver());
    }

    @Test
    void aWriteOverTheBoundIsAnsweredAtOnceWith503InChineseWhileTheOneUnderWayFinishes() throws Exception {
        ApiWriteLimitFilter filter = filter(1);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MockHttpServletResponse first = new MockHttpServletResponse();
        Thread busy = new Thread(() -> {
            try {
                filter.doFilter(write("/api/casework/cases"), first, new MockFilterChain(new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) {
                        inside.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        response.setStatus(201);
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        busy.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        long start = System.nanoTime();
        filter.doFilter(write("/api/casework/cases"), refused, new MockFilterChain());
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"status\":503").contains("系统当前请求过多");

        MockHttpServletResponse read = new MockHttpServletResponse();
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/casework/cases/1");
        filter.doFilter(get, read, new MockFilterChain());
        assertThat(read.getStatus()).as("reads are not bounded").isEqualTo(200);
        MockHttpServletResponse page = new MockHttpServletResponse();
        filter.doFilter(write("/casework/desk"), page, new MockFilterChain());
        assertThat(page.getStatus()).as("page forms are not bounded").isEqualTo(200);

        release.countDown();
        busy.join(10_000);
        assertThat(first.getStatus()).isEqualTo(201);
        MockHttpServletResponse after = new MockHttpServletResponse();
        filter.doFilter(write("/api/casework/cases"), after, new MockFilterChain());
        assertThat(after.getStatus()).as("the permit is returned").isEqualTo(200);
    }

    @Test
    void noBoundByDefaultAndANegativeBoundIsRefusedAtStart() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter(0).doFilter(write("/api/casework/cases"), response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThatThrownBy(() -> filter(-1)).hasMessageContaining("linli.web.max-api-writes");
    }

    private static MockHttpServletRequest write(String path) {
        return new MockHttpServletRequest("POST", path);
    }
}
