package dev.imsauth.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackParametersTest {

    @Test
    void rejectsDuplicatedState() {
        assertThatThrownBy(() -> CallbackParameters.of(Map.of("state", List.of("a", "b"))))
                .isInstanceOf(InvalidCallbackException.class).hasMessageContaining("state");
    }

    @Test
    void rejectsOversizedValuesCheaply() {
        String huge = "x".repeat(1_000_000);
        assertThatThrownBy(() -> CallbackParameters.of(Map.of("code", List.of(huge))))
                .isInstanceOf(InvalidCallbackException.class).hasMessageNotContaining("xxxx");
    }

    @Test
    void cutsLongErrorDescriptions() {
        CallbackParameters p = CallbackParameters.of(Map.of("error", List.of("access_denied"),
                "error_description", List.of("d".repeat(1000))));
        assertThat(p.errorDescription().orElseThrow()).hasSizeLessThan(400);
        assertThat(p.error()).contains("access_denied");
    }

    @Test
    void treatsEmptyValuesAsAbsent() {
        CallbackParameters p = CallbackParameters.of(Map.of("state", List.of(""), "code", List.of("c")));
        assertThat(p.state()).isEmpty();
        assertThat(p.code()).contains("c");
    }

    @Test
    void treatsWhiteSpaceOnlyValuesAsAbsent() {
        CallbackParameters p = CallbackParameters.of(Map.of("state", List.of("s"), "code", List.of("\t "),
                "error", List.of(" ")));
        assertThat(p.code()).isEmpty();
        assertThat(p.error()).isEmpty();
    }
}
