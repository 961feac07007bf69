package cn.linli.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.linli.access.internal.SignedInUser;
import cn.linli.access.internal.UserAccounts;

/** A MockMvc request made as a stored user (with their roles and jurisdiction), as if they had logged in. */
public final class SignedIn {

    private SignedIn() {
    }

    public static RequestPostProcessor as(UserAccounts accounts, String username) {
        return user(SignedInUser.of(accounts.findByUsername(username).orElseThrow(
                () -> new IllegalStateException("no stored user " + username))));
    }
}
