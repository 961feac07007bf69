package cn.linli.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void scriptsComeOnlyFromLinliAndNothingMayFrameIt() {
        assertThat(new SecurityHeaders("").contentSecurityPolicy())
                .contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'", "img-src 'self' data: blob:;")
                .doesNotContain("unsafe-eval", "script-src 'self' 'unsafe-inline'");
    }

    @Test
    void theConfiguredTileServerMayServeImagesWithItsSubdomainPlaceholderAsAWildcard() {
        assertThat(new SecurityHeaders("https://t{s}.tianditu.gov.cn/vec_w/wmts?tk=KEY").contentSecurityPolicy())
                .contains("img-src 'self' data: blob: https://*.tianditu.gov.cn;");
        assertThat(SecurityHeaders.tileSource("https://webrd0{s}.is.autonavi.com/appmaptile?x={x}")).isEqualTo("https://*.is.autonavi.com");
        assertThat(SecurityHeaders.tileSource("http://tiles.example.cn:8080/{z}/{x}/{y}.png")).isEqualTo("http://tiles.example.cn:8080");
    }

    @Test
    void aTileUrlThatIsNoWebAddressAddsNothingToThePolicy() {
        assertThat(SecurityHeaders.tileSource("javascript:alert(1)")).isEmpty();
        assertThat(SecurityHeaders.tileSource("https://evil.example'; script-src *")).isEmpty();
        assertThat(SecurityHeaders.tileSource("")).isEmpty();
        assertThat(SecurityHeaders.tileSource(null)).isEmpty();
    }
}
