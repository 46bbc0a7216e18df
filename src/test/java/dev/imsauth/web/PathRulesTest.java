package dev.imsauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathRulesTest {

    @Test
    void matchesExactPathsAndEverythingBelowAWildcard() {
        PathRules rules = new PathRules(List.of("/", "/health", "/public/*", "/css/*"));

        assertThat(rules.matches("/")).isTrue();
        assertThat(rules.matches("/health")).isTrue();
        assertThat(rules.matches("/public")).isTrue();
        assertThat(rules.matches("/public/")).isTrue();
        assertThat(rules.matches("/public/a/b.png")).isTrue();
        assertThat(rules.matches("/css/site.css")).isTrue();
    }

    @Test
    void doesNotMatchLookalikes() {
        PathRules rules = new PathRules(List.of("/health", "/public/*"));

        assertThat(rules.matches("/health/x")).isFalse();
        assertThat(rules.matches("/healthz")).isFalse();
        assertThat(rules.matches("/publicity")).isFalse();
        assertThat(rules.matches("/pub")).isFalse();
        assertThat(rules.matches("/app/public/x")).isFalse();
        assertThat(rules.matches("")).isFalse();
    }

    @Test
    void aRootWildcardMatchesEverythingAndNoPatternsMatchNothing() {
        assertThat(new PathRules(List.of("/*")).matches("/anything/at/all")).isTrue();
        assertThat(new PathRules(List.of("/*")).matches("")).isTrue();
        assertThat(new PathRules(List.of()).matches("/")).isFalse();
    }

    @Test
    void pathInContextJoinsServletPathAndPathInfo() {
        assertThat(ApiRequests.pathInContext(request("", "/projects/42"))).isEqualTo("/projects/42");
        assertThat(ApiRequests.pathInContext(request("/api", "/projects/42"))).isEqualTo("/api/projects/42");
        assertThat(ApiRequests.pathInContext(request("/page.jsp", null))).isEqualTo("/page.jsp");
        assertThat(ApiRequests.pathInContext(request(null, null))).isEqualTo("");
        assertThat(ApiRequests.pathInContext(request("/x", ""))).isEqualTo("/x");
    }

    private static HttpServletRequest request(String servletPath, String pathInfo) {
        return (HttpServletRequest) Proxy.newProxyInstance(PathRulesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
