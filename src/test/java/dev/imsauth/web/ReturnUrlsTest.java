package dev.imsauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.com", "//evil.com", "///evil.com", "////evil.com", "/\\evil.com",
            "\\/evil.com", "/\\/evil.com", "https:evil.com", "http:/evil.com", "javascript:alert(1)",
            "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "%2F%2Fevil.com", "/%2F/evil.com",
            "/%2f/evil.com", "/%5Cevil.com", "%5Cevil.com", "/\tevil.com", "/x\r\nSet-Cookie: a=b",
            "/x\nLocation: https://evil", "", " /x", "evil.com", "@evil.com", "/@evil.com", "/%09/evil.com",
            "/x%0d%0aSet-Cookie:%20a=b", "/%252F/evil.com", "/%25252F/evil.com", "/a%5C..%5C"})
    void rejectsTargetsThatCouldLeaveTheOrigin(String target) {
        assertThat(ReturnUrls.isSafe(target)).as(target).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/app/page?x=1", "/app/page?x=1&y=%2F", "/a/b/c.html", "/a/@b",
            "/search?q=a%20b%5C", "/a?next=%2F%2Fevil.com"})
    void acceptsSameOriginPaths(String target) {
        assertThat(ReturnUrls.isSafe(target)).as(target).isTrue();
    }
}
