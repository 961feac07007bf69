package cn.linli.access;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Login requests against the whole application (its real security filter chain and database) through MockMvc.
 * Every test sends from client addresses of its own, so that failures counted per address in one test never lock
 * another test out.
 */
final class LoginRequests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private LoginRequests() {
    }

    static MockMvc mockMvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** A client address no other test uses in this JVM. */
    static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    /** A username no other test uses, because the database outlives a test class. */
    static String newUsername(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + NAMES.incrementAndGet();
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static MockHttpServletRequestBuilder loginForm(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
    }

    /** Logs in and returns the session to send with later requests. */
    static MockHttpSession session(MvcResult login) {
        return (MockHttpSession) login.getRequest().getSession(false);
    }
}
