package dev.imsauth.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderTextTest {

    @Test
    void keepsAPlainDescriptionAsItIs() {
        assertThat(ProviderText.description("Offline tokens not allowed for the user or client", List.of()))
                .isEqualTo("Offline tokens not allowed for the user or client");
    }

    @Test
    void turnsControlAndFormatCharactersIntoSingleSpaces() {
        assertThat(ProviderText.description("line one\r\nline two\t\u202e\u0000end", List.of()))
                .isEqualTo("line one line two end");
    }

    @Test
    void cutsALongDescription() {
        String cut = ProviderText.description("x".repeat(5000), List.of());
        assertThat(cut).hasSize(ProviderText.MAX_LENGTH + 1).endsWith("…");
    }

    @Test
    void neverRepeatsAValueTheRequestSentSecretly() {
        String code = "SplxlOBeZQQYbYS6WxSbIA";
        String secret = "s3cr3t-value";
        String said = ProviderText.description("code " + code + " expired; client secret " + secret + " wrong",
                List.of(code, secret));
        assertThat(said).doesNotContain(code).doesNotContain(secret).contains("code **** expired");
    }

    @Test
    void aBlankDescriptionIsNone() {
        assertThat(ProviderText.description(" \r\n ", List.of())).isNull();
        assertThat(ProviderText.description(null, List.of())).isNull();
    }

    @Test
    void anErrorCodeKeepsOnlyTheCharactersOAuthCodesUse() {
        assertThat(ProviderText.errorCode("invalid_grant")).isEqualTo("invalid_grant");
        assertThat(ProviderText.errorCode("bad<b>\r\n")).isEqualTo("badb");
        assertThat(ProviderText.errorCode("<>")).isEqualTo("unknown_error");
        assertThat(ProviderText.errorCode("e".repeat(500))).hasSize(64);
    }
}
