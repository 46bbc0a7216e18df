package dev.imsauth.testsupport;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrowserSessionTest {

    @Test
    void failsWithTheInstallScriptWhenChromiumIsMissing() {
        assertThatIllegalStateException()
                .isThrownBy(() -> BrowserSession.requireInstalled(
                        Path.of("/nonexistent/chromium"), BrowserSession.DEFAULT_CHROMEDRIVER))
                .withMessageContaining("/nonexistent/chromium is missing")
                .withMessageContaining("scripts/install-browser.sh");
    }
}
