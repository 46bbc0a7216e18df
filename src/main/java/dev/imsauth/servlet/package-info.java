/**
 * The servlet adapter: {@link dev.imsauth.servlet.ImsAuthFilter} for plain containers (no CDI) and the
 * request-level pieces the Jakarta Security mechanism shares with it: the sign-in flow (with refreshing
 * {@link dev.imsauth.servlet.SignInFlow#currentUser}), the logout flow, redirect URIs behind proxies,
 * return-URL checks, API-call detection, error responses, and {@link dev.imsauth.servlet.ImsAuth}, the
 * application's view of the current user's tokens and scopes.
 */
package dev.imsauth.servlet;
