package dev.imsauth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import dev.imsauth.hardening.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationParamsTest {

    private static ImsAuthConfig load(String params) {
        return ImsAuthConfig.load(ConfigSource.of(Map.of("ims.client-id", "portal", "ims.authorization-params", params)));
    }

    @Test
    void readsPairsInOrderWithUrlEncodedValues() {
        assertThat(load("prompt=login&ui_locales=de%20en&acr_values=urn%3Amfa").signIn().authorizationParams())
                .containsExactly(Map.entry("prompt", "login"), Map.entry("ui_locales", "de en"),
                        Map.entry("acr_values", "urn:mfa"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"state=mine", "nonce=n", "redirect_uri=https://evil.example", "client_id=other",
            "scope=openid", "code_challenge=x", "code_challenge_method=plain", "response_type=token",
            "response_mode=form_post", "request_uri=urn:x"})
    @Catalogue("I12")
    void aProtocolParameterStopsTheStartNamingTheKey(String pair) {
        String name = pair.substring(0, pair.indexOf('='));
        assertThatThrownBy(() -> load("prompt=login&" + pair)).isInstanceOf(ImsAuthConfigException.class)
                .hasMessageContaining("ims.authorization-params")
                .hasMessageContaining("'" + name + "' is set by ims-auth itself");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prompt=sometimes", "prompt=none%20login", "ui_locales=", "=de", "a b=c",
            "ui_locales=de&ui_locales=en", "login_hint=%ZZ", "login_hint=a%0Ab"})
    void aMalformedValueStopsTheStartNamingTheKey(String params) {
        assertThatThrownBy(() -> load(params)).isInstanceOf(ImsAuthConfigException.class)
                .hasMessageContaining("ims.authorization-params");
    }

    @Test
    void theApplicationsPagesMustBePathsAndTheSignedOutPageCannotForwardToItself() {
        assertThatThrownBy(() -> ImsAuthConfig.load(ConfigSource.of(Map.of("ims.client-id", "portal",
                "ims.error-page", "https://elsewhere.example/error")))).hasMessageContaining("ims.error-page");
        assertThatThrownBy(() -> ImsAuthConfig.load(ConfigSource.of(Map.of("ims.client-id", "portal",
                "ims.signed-out-page", "/signed-out")))).hasMessageContaining("ims.signed-out-page");
        ImsAuthConfig ok = ImsAuthConfig.load(ConfigSource.of(Map.of("ims.client-id", "portal",
                "ims.logout-confirm-page", "/WEB-INF/confirm.jsp")));
        assertThat(ok.signIn().logoutConfirmPage()).contains("/WEB-INF/confirm.jsp");
        assertThat(ok.signIn().errorPage()).isEmpty();
    }
}
