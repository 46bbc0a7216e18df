package dev.imsauth.bench.load;

import dev.imsauth.bench.support.TypicalImsLogin;

/** The ways the same small servlet is served in one run. */
enum Variant {
    /** No security: the servlet alone, with the same session handler and a live session. */
    BARE("bare", "no filter; same Jetty, same session handler, the request carries a live session",
            "hello anonymous editor=false"),
    /** ImsAuthFilter on /*, signed-in session cookie. */
    IMS("ims-auth", "ImsAuthFilter on /*, signed-in session", "hello " + TypicalImsLogin.SUBJECT + " editor=true"),
    /** pac4j's SecurityFilter with the same duties as ours: authentication only. */
    PAC4J("pac4j", "jakartaee-pac4j SecurityFilter + pac4j-oidc, matchers=none, authorizers=none (same duties as ours)",
            "hello " + TypicalImsLogin.EMAIL + " editor=true"),
    /** pac4j with its defaults, which add security headers and a CSRF token per request. */
    PAC4J_DEFAULTS("pac4j-defaults", "the same with pac4j's default matchers (securityHeaders, csrfToken) and authorizers (csrfCheck)",
            "hello " + TypicalImsLogin.EMAIL + " editor=true");

    final String label;
    final String description;
    /** What the page shows the signed-in user (pac4j names the principal by preferred_username, we by sub). */
    final String signedInPage;

    Variant(String label, String description, String signedInPage) {
        this.label = label;
        this.description = description;
        this.signedInPage = signedInPage;
    }
}
