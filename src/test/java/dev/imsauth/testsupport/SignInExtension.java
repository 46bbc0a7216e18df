package dev.imsauth.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link SignInFixture} as a JUnit extension, instead of the start/stop/reset methods each test class wrote.
 * On a static field it starts the fixture once for the class and stops it after; on an instance field it starts
 * a fresh one for every test. Before every test the provider's faults are reset and its recorded requests
 * cleared, so that each test sees only what it caused:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SignInExtension SIGN_IN = new SignInExtension(SignInFixture.builder().secret("s"));
 * private final SignInFixture f = SIGN_IN.fixture();
 * }</pre>
 *
 * <p>Instance fields are initialised after the class's fixture started, so {@code fixture()} may be read there.
 */
public final class SignInExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private final SignInFixture.Builder builder;
    private SignInFixture fixture;
    private boolean perTest;

    public SignInExtension(SignInFixture.Builder builder) {
        this.builder = builder;
    }

    /** The public client with the fixture's defaults. */
    public static SignInExtension publicClient() {
        return new SignInExtension(SignInFixture.builder());
    }

    /** The running fixture; fails when read before the extension started it. */
    public SignInFixture fixture() {
        if (fixture == null) {
            throw new IllegalStateException("The sign-in fixture is not running: register the extension with "
                    + "@RegisterExtension and read fixture() in a test, a @BeforeEach or an instance field");
        }
        return fixture;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        fixture = builder.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (fixture == null) {
            perTest = true;
            fixture = builder.start();
        }
        fixture.op.faults().reset();
        fixture.op.clearRequests();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void stop() {
        if (fixture != null) {
            SignInFixture running = fixture;
            fixture = null;
            running.close();
        }
    }
}
