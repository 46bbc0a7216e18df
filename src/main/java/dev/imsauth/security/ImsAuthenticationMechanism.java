package dev.imsauth.security;

import dev.imsauth.config.ProviderSettings;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.web.ErrorResponses;
import dev.imsauth.web.ImsAuth;
import dev.imsauth.web.ReturnUrls;
import dev.imsauth.web.SignInFlow;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;

/**
 * Sign-in with Bentley IMS as a Jakarta Security mechanism: the container then knows the caller
 * ({@code getUserPrincipal()}, {@code isUserInRole()}, {@code @RolesAllowed}, {@code SecurityContext}).
 * Enabled by {@link ImsAuthenticationMechanismDefinition}; configured through MicroProfile Config.
 *
 * <p>A thin adapter over the {@link SignInFlow} the filter uses, per request:
 * <ul>
 * <li>the provider's callback: the flow completes the sign-in (state, PKCE, nonce, ID token, new session
 *     id, tokens into the session) and the browser is sent on to the page it first asked for;</li>
 * <li>{@code ims.logout-path}: the {@link dev.imsauth.web.LogoutFlow} the filter uses (confirmation page on
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

    @Inject
    public ImsAuthenticationMechanism(ImsAuthRuntime runtime) {
        this.runtime = runtime;
    }

    /** For the container's proxy. */
    protected ImsAuthenticationMechanism() {
        this.runtime = null;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        SignInFlow flow = runtime.flow();
        flow.begin(request);
        ImsAuth.bind(flow, request);
        boolean mustSignIn = context.isProtected() || context.isAuthenticationRequest();
        try {
            if (flow.isCallback(request)) {
                return completeSignIn(flow, request, response);
            }
            if (runtime.signOut().answer(request, response)) {
                return written(response);
            }
            Optional<SignedInUser> user;
            try {
                user = flow.currentUser(request);
            } catch (ImsAuthException e) {
                if (!mustSignIn) {
                    return context.doNothing();
                }
                ErrorResponses.send(request, response, e, ReturnUrls.of(request));
                return written(response);
            }
            if (user.isPresent()) {
                return notifyContainer(context, user.get());
            }
            if (mustSignIn && !runtime.signOut().isLanding(request)) {
                flow.challenge(request, response);
                return written(response);
            }
            return context.doNothing();
        } catch (IOException e) {
            throw new AuthenticationException("Cannot write the sign-in response", e);
        }
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        runtime.flow().store().signOut(request);
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /**
     * The callback's response is the redirect on (or the flow's error page), so the container learns the
     * caller on the next request, from the session.
     */
    private static AuthenticationStatus completeSignIn(SignInFlow flow, HttpServletRequest request,
                                                       HttpServletResponse response) throws IOException {
        Optional<SignInFlow.CompletedSignIn> done = flow.handleCallback(request, response);
        if (done.isPresent()) {
            flow.redirectAfterSignIn(response, done.get().returnUrl());
        }
        return written(response);
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

    private AuthenticationStatus notifyContainer(HttpMessageContext context, SignedInUser user) {
        ProviderSettings config = runtime.provider();
        return context.notifyContainerAboutLogin(user.principalName(config.principalClaim()),
                new HashSet<>(user.groups(config.groupsClaim())));
    }
}
