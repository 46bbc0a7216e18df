/**
 * The request-level sign-in shared by the filter ({@code dev.imsauth.servlet}) and the Jakarta Security
 * mechanism ({@code dev.imsauth.security}): the sign-in flow (with refreshing
 * {@link dev.imsauth.web.SignInFlow#currentUser}), the logout flow and the other sign-out routes, redirect URIs
 * behind proxies, return-URL checks, API-call detection, error responses, and {@link dev.imsauth.web.ImsAuth},
 * the application's view of the current user's tokens and scopes.
 */
package dev.imsauth.web;
