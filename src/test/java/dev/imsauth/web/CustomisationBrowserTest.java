package dev.imsauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderHttp;
import dev.imsauth.servlet.ImsAuthFilter;
import dev.imsauth.testsupport.BrowserSession;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.JettyApp;
import dev.imsauth.testsupport.MutableClock;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.TestOpenIdProvider;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import dev.imsauth.hardening.Catalogue;
import org.junit.jupiter.api.Test;

/**
 * The hooks of docs/customising.md in headless Chromium against Jetty: extra authorization parameters (static
 * from {@code ims.authorization-params}, per request from the {@code ims.sign-in-customizer} init-param), and the
 * application's own error, sign-out confirmation and signed-out pages ({@code ims.error-page},
 * {@code ims.logout-confirm-page}, {@code ims.signed-out-page}).
 */
class CustomisationBrowserTest {
    private static TestOpenIdProvider op;
    private static JettyApp app;
    private static BrowserSession browser;

    @BeforeAll
    static void start() {
        op = TestOpenIdProvider.start();
        ImsAuthConfig config = ImsAuthConfig.builder().issuer(op.issuer()).clientId("portal")
                .allowInsecureLoopback(true).publicPaths(List.of("/public/*")).readTimeout(Duration.ofSeconds(5))
                .authorizationParams("prompt=login&ui_locales=de%20en")
                .errorPage("/public/error-page").logoutConfirmPage("/public/confirm").signedOutPage("/public/goodbye")
                .build();
        OidcClient client = new OidcClient(config.provider(), config.signIn(), ProviderHttp.defaultClient(config.provider().connectTimeout()), new MutableClock());
        app = JettyApp.start(new ImsAuthFilter(client), Map.of("ims.sign-in-customizer", LoginHints.class.getName()),
                Map.of("/public/error-page", new AppErrorPage(), "/public/confirm", new AppConfirmPage(),
                        "/public/goodbye", new AppGoodbyePage()));
        op.registerClient("portal", null, app.redirectUri());
        op.registerPostLogoutRedirectUri("portal", app.base() + "/signed-out");
        browser = BrowserSession.start("CustomisationBrowserTest");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        app.close();
        op.close();
    }

    @Test
    @Catalogue("I12")
    void theSignInCarriesTheConfiguredAndThePerRequestParametersButNeverReplacesTheProtocolOnes() {
        browser.open(URI.create(app.base() + "/protected/page?hint=carol"));
        browser.waitForPageText("user=carol");

        RecordedRequest authorize = last(ProviderPaths.AUTHORIZE);
        assertThat(authorize.first("prompt")).isEqualTo("login");
        assertThat(authorize.first("ui_locales")).isEqualTo("de en");
        assertThat(authorize.first("login_hint")).isEqualTo("carol");
        assertThat(authorize.first("client_id")).isEqualTo("portal");

        int before = op.authorizeCalls();
        browser.driver().manage().deleteAllCookies();
        browser.open(URI.create(app.base() + "/protected/page?sneaky"));
        assertThat(browser.textOf("app-error")).isEqualTo("Our own error page");
        assertThat(browser.textOf("reason")).isEqualTo("authorization_parameter_refused");
        assertThat(browser.textOf("status")).isEqualTo("500");
        assertThat(op.authorizeCalls()).as("no sign-in was started").isEqualTo(before);
    }

    @Test
    void aFailedCallbackIsShownOnTheApplicationsErrorPageWithItsStatusAndReason() {
        browser.open(URI.create(app.base() + "/signin-oidc?state=forged&code=whatever"));
        assertThat(browser.textOf("app-error")).isEqualTo("Our own error page");
        assertThat(browser.textOf("reason")).isEqualTo("state_mismatch");
        assertThat(browser.textOf("status")).isEqualTo("401");
        assertThat(browser.textOf("retry")).isEqualTo(JettyApp.CONTEXT + "/");

        HttpResponse<String> plain = new BrowserlessClient().get(app.base() + "/signin-oidc?state=forged&code=x",
                Map.of("Accept", "text/html"));
        assertThat(plain.statusCode()).as("the forward keeps the failure's status").isEqualTo(401);
        assertThat(plain.body()).contains("Our own error page").doesNotContain("code=x");
    }

    @Test
    void signingOutGoesThroughTheApplicationsConfirmAndSignedOutPages() {
        browser.driver().manage().deleteAllCookies();
        browser.open(URI.create(app.base() + "/protected/page"));
        browser.waitForPageText("user=alice");

        browser.open(URI.create(app.base() + "/logout"));
        assertThat(browser.textOf("confirm")).isEqualTo("Really leave the portal?");
        browser.clickButton("Leave");

        assertThat(browser.textOf("goodbye")).isEqualTo("Goodbye from the portal");
        assertThat(browser.currentUri().getPath()).isEqualTo(JettyApp.CONTEXT + "/signed-out");
        assertThat(op.endSessionCalls()).isPositive();
        browser.click("again");
        browser.waitForPageText("user=alice");
    }

    private static RecordedRequest last(String path) {
        List<RecordedRequest> requests = op.requests(path);
        return requests.get(requests.size() - 1);
    }

    /** The application's customizer: {@code ?hint=x} → {@code login_hint=x}; {@code ?sneaky} tries to set the nonce. */
    public static final class LoginHints implements SignInCustomizer {
        @Override
        public Map<String, String> authorizationParameters(HttpServletRequest request) {
            if (request.getParameter("sneaky") != null) {
                return Map.of("nonce", "chosen-by-the-app");
            }
            String hint = request.getParameter("hint");
            return hint == null ? Map.of() : Map.of("login_hint", hint);
        }
    }

    /** The application's error page, showing the documented request attributes. */
    static final class AppErrorPage extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write("<h1 id=\"app-error\">Our own error page</h1><p id=\"status\">"
                    + req.getAttribute(AppPages.ERROR_STATUS) + "</p><p id=\"reason\">"
                    + ErrorResponses.html((String) req.getAttribute(AppPages.ERROR_REASON)) + "</p><p id=\"message\">"
                    + ErrorResponses.html((String) req.getAttribute(AppPages.ERROR_MESSAGE)) + "</p><p id=\"retry\">"
                    + ErrorResponses.html((String) req.getAttribute(AppPages.ERROR_RETRY)) + "</p>");
        }
    }

    /** The application's sign-out confirmation: a form built from the documented attributes. */
    static final class AppConfirmPage extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write("<h1 id=\"confirm\">Really leave the portal?</h1><form method=\"post\" action=\""
                    + ErrorResponses.html((String) req.getAttribute(AppPages.LOGOUT_ACTION)) + "\"><input type=\"hidden\""
                    + " name=\"" + req.getAttribute(AppPages.LOGOUT_TOKEN_NAME) + "\" value=\""
                    + ErrorResponses.html((String) req.getAttribute(AppPages.LOGOUT_TOKEN)) + "\"><button>Leave</button>"
                    + "</form>");
        }
    }

    /** The application's signed-out page with the sign-in link from the documented attribute. */
    static final class AppGoodbyePage extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write("<h1 id=\"goodbye\">Goodbye from the portal</h1><a id=\"again\" href=\""
                    + ErrorResponses.html((String) req.getAttribute(AppPages.SIGNED_OUT_SIGN_IN)) + "\">Back in</a>");
        }
    }
}
