package cn.linli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

class DecodedSessionAttributesTest {

    private final DecodedSessionAttributes codec = new DecodedSessionAttributes(getClass().getClassLoader());

    private byte[] bytes(Object value) {
        return codec.convert(value, byte[].class);
    }

    private Object read(byte[] bytes) {
        // a fresh array per read, as the session store hands over
        return codec.convert(bytes.clone(), Object.class);
    }

    private static SecurityContext signedIn(String username) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_COMMUNITY_STAFF"))));
    }

    @Test
    void eachReadOfASecurityContextGetsItsOwnHolderSoALogoutEmptiesOnlyItsOwn() {
        byte[] stored = bytes(signedIn("yongan-sq"));
        SecurityContext first = (SecurityContext) read(stored);
        SecurityContext second = (SecurityContext) read(stored);
        assertThat(first).isNotSameAs(second);
        assertThat(first.getAuthentication().getName()).isEqualTo("yongan-sq");
        assertThat(first.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_COMMUNITY_STAFF");
        // decoded once: the authentication, which is never changed after login, is shared
        assertThat(second.getAuthentication()).isSameAs(first.getAuthentication());
        first.setAuthentication(null);
        assertThat(((SecurityContext) read(stored)).getAuthentication().getName()).isEqualTo("yongan-sq");
    }

    @Test
    void aChangedSessionHasOtherBytesAndIsDecodedAfresh() {
        SecurityContext before = (SecurityContext) read(bytes(signedIn("yongan-sq")));
        SecurityContext after = (SecurityContext) read(bytes(signedIn("yongan")));
        assertThat(before.getAuthentication().getName()).isEqualTo("yongan-sq");
        assertThat(after.getAuthentication().getName()).isEqualTo("yongan");
    }

    @Test
    void theCsrfTokenIsDecodedOnceAndAValueARequestMayChangeOnEveryRead() {
        byte[] token = bytes(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "a-token"));
        CsrfToken first = (CsrfToken) read(token);
        assertThat(first.getToken()).isEqualTo("a-token");
        assertThat(read(token)).isSameAs(first);

        byte[] list = bytes(new ArrayList<>(List.of("a", "b")));
        @SuppressWarnings("unchecked")
        List<String> one = (List<String>) read(list);
        one.add("c");
        assertThat(read(list)).isNotSameAs(one).isEqualTo(List.of("a", "b"));
    }

    @Test
    void pastItsBoundTheCacheStartsOverAndStillAnswersRight() {
        for (int i = 0; i <= DecodedSessionAttributes.KEPT + 10; i++) {
            assertThat(read(bytes("value " + i))).isEqualTo("value " + i);
        }
        assertThat(read(bytes("value 0"))).isEqualTo("value 0");
    }
}
