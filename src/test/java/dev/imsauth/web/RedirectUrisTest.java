package dev.imsauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.config.SignInSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class RedirectUrisTest {

    @Test
    void recognisesTheCallbackOfARelativeRedirectUriBelowTheContextPath() {
        RedirectUris uris = new RedirectUris(config("/signin-oidc"));

        assertThat(uris.isCallback(request("/app", "/app/signin-oidc"))).isTrue();
        assertThat(uris.isCallback(request("", "/signin-oidc"))).isTrue();
        assertThat(uris.isCallback(request("/app", "/app/signin-oidc/x"))).isFalse();
        assertThat(uris.isCallback(request("/app", "/app/signin-oidcx"))).isFalse();
        assertThat(uris.isCallback(request("/app", "/app/signin-oid"))).isFalse();
        assertThat(uris.isCallback(request("/app", "/signin-oidc"))).isFalse();
        assertThat(uris.isCallback(request("/app", "/apx/signin-oidc"))).isFalse();
        assertThat(uris.isCallback(request("/app", "/app/protected"))).isFalse();
        assertThat(uris.callbackPath(request("/app", "/anything"))).isEqualTo("/app/signin-oidc");
    }

    @Test
    void recognisesTheCallbackOfAnAbsoluteRedirectUriByItsPath() {
        RedirectUris uris = new RedirectUris(config("https://portal.example.com/app/signin-oidc"));

        assertThat(uris.isCallback(request("/app", "/app/signin-oidc"))).isTrue();
        assertThat(uris.isCallback(request("/other", "/app/signin-oidc"))).isTrue();
        assertThat(uris.isCallback(request("/app", "/app/signin-oidc2"))).isFalse();
        assertThat(uris.isCallback(request("/app", "/signin-oidc"))).isFalse();
        assertThat(uris.callbackPath(request("/app", "/x"))).isEqualTo("/app/signin-oidc");
    }

    private static SignInSettings config(String redirectUri) {
        return ImsAuthConfig.builder().clientId("portal").redirectUri(redirectUri).build().signIn();
    }

    private static HttpServletRequest request(String contextPath, String requestUri) {
        return (HttpServletRequest) Proxy.newProxyInstance(RedirectUrisTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> contextPath;
                    case "getRequestURI" -> requestUri;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
