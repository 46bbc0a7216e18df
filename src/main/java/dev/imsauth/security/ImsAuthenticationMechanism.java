package dev.imsauth.security;

import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.web.ImsAuth;
import dev.imsauth.web.WebFlows;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;

/**
 * Sign-in with Bentley IMS as a Jakarta Security mechanism: the container then knows the caller
 * ({@code getUserPrincipal()}, {@code isUserInRole()}, {@code @RolesAllowed}, {@code SecurityContext}).
 * Enabled by {@link ImsAuthenticationMechanismDefinition}; configured through MicroProfile Config.
 *
 * <p>A thin adapter over the {@link WebFlows} the filter uses too (built by {@link ImsAuthRuntime}), per request:
 * <ul>
 * <li>the provider's callback: the flow completes the sign-in (state, PKCE, nonce, ID token, new session
 *     id, tokens into the session) and the browser is sent on to the page it first asked for;</li>
 * <li>{@code ims.logout-path}: the logout flow the filter uses (confirmation page on
 *     GET, same-origin POST revokes, ends the session and goes through the provider's end-session);</li>
 * <li>a session with a signed-in user: the tokens are refreshed first when about to expire, and the
 *     container is told the caller principal ({@code ims.principal-claim}) and groups
 *     ({@code ims.groups-claim}); a refused refresh leaves the request anonymous, a provider outage after
 *     expiry answers 503 on protected resources;</li>
 * <li>a protected resource (or {@code request.authenticate()}) and nobody signed in: the flow sends the
 *     browser to the provider, or answers 401 to an API call;</li>
 * <li>anything else: nothing, the request stays anonymous.</li>
 * </ul>
 * The session attribute is the one source of truth, so the container is told again on every request rather
 * than remembering the caller itself ({@code @AutoApplySession}): a logout, or a sign-out by the refresh
 * logic, takes effect on the very next request. {@link #cleanSubject} ({@code request.logout()}) removes the
 * tokens from the session.
 */
public class ImsAuthenticationMechanism implements HttpAuthenticationMechanism {
    private final ImsAuthRuntime runtime;
    private final WebFlows flows;
    private final String principalClaim;
    private final String groupsClaim;

    @Inject
    public ImsAuthenticationMechanism(ImsAuthRuntime runtime) {
        this.runtime = runtime;
        this.flows = runtime.flows();
        this.principalClaim = runtime.provider().principalClaim();
        this.groupsClaim = runtime.provider().groupsClaim();
    }

    /** For the container's proxy. */
    protected ImsAuthenticationMechanism() {
        this.runtime = null;
        this.flows = null;
        this.principalClaim = null;
        this.groupsClaim = null;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        runtime.publishCounters(request.getContextPath());
        ImsAuth web = flows.begin(request);
        boolean mustSignIn = context.isProtected() || context.isAuthenticationRequest();
        try {
            if (flows.isCallback(web)) {
                // the response is the redirect on (or the error page): the container learns the caller next time
                flows.completeSignIn(web, response);
                return written(response);
            }
            if (flows.answerSignOut(web, response)) {
                return written(response);
            }
            SignedInUser user;
            try {
                user = flows.signedInUser(web);
            } catch (ImsAuthException e) {
                if (!mustSignIn) {
                    return context.doNothing();
                }
                flows.fail(web, response, e);
                return written(response);
            }
            if (user != null) {
                return context.notifyContainerAboutLogin(user.principalName(principalClaim),
                        new HashSet<>(user.groups(groupsClaim)));
            }
            if (mustSignIn && !flows.isLanding(web)) {
                flows.challenge(web, response);
                return written(response);
            }
            return context.doNothing();
        } catch (IOException e) {
            throw new AuthenticationException("Cannot write the sign-in response", e);
        }
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        flows.forgetUser(request);
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /**
     * The flow has written the whole response (redirect, 401 JSON or error page): close it, and tell the
     * container the exchange is in progress. Closing matters for 4xx answers: a container may otherwise
     * replace the body with its own error page (WildFly's Undertow sends its error page for any status of
     * 400 or more whose exchange is not complete).
     */
    private static AuthenticationStatus written(HttpServletResponse response) throws IOException {
        try {
            response.getWriter().close();
        } catch (IllegalStateException outputStreamInUse) {
            response.getOutputStream().close();
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
