package dev.imsauth.web;

import dev.imsauth.config.ProviderSettings;
import dev.imsauth.config.SignInSettings;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.OidcClient;

/**
 * The one line the filter and the mechanism log when they start: issuer, client id, public or confidential
 * (never the secret), redirect URI (or its path, when it is made absolute per request), and whether discovery
 * succeeded. Discovery runs here, so a wrong issuer shows in the log at start; a failure never stops the start.
 */
public final class StartupReport {
    private static final System.Logger LOG = System.getLogger(StartupReport.class.getName());

    private StartupReport() {
    }

    /**
     * Discovers the provider and logs the start at INFO (plus a WARNING when discovery failed).
     *
     * @param route       what started, e.g. {@code "filter"} or {@code "Jakarta Security mechanism"}
     * @param contextPath the application's context path, or null when not known yet
     * @return true when discovery succeeded
     */
    public static boolean discoverAndLog(OidcClient client, String route, String contextPath) {
        ProviderSettings config = client.provider();
        String discovery;
        boolean ok;
        try {
            client.metadata();
            discovery = "discovery succeeded";
            ok = true;
        } catch (ImsAuthException e) {
            LOG.log(System.Logger.Level.WARNING, "The identity provider {0} is not usable yet ({1}); sign-in "
                    + "answers 503 until it is", config.issuer(), e.getMessage());
            discovery = "discovery failed, retried on the next sign-in";
            ok = false;
        }
        LOG.log(System.Logger.Level.INFO, "ims-auth {0} started: issuer {1}, client {2} ({3}), redirect URI {4}, {5}",
                route, config.issuer(), config.clientId(), config.confidential()
                        ? "confidential, " + config.clientAuthMethod().value() : "public",
                redirect(client.signIn(), contextPath), discovery);
        return ok;
    }

    private static String redirect(SignInSettings config, String contextPath) {
        if (!config.redirectUriIsRelative()) {
            return config.redirectUri();
        }
        String path = (contextPath == null ? "<context path>" : contextPath) + config.redirectUri();
        return path + " on the " + (config.publicBaseUrl().map(u -> "origin " + u).orElse("request's origin"));
    }
}
