/**
 * The servlet adapter: {@link dev.imsauth.servlet.ImsAuthFilter} for plain containers (no CDI) and the
 * request-level pieces the Jakarta Security mechanism shares with it: the sign-in flow, redirect URIs
 * behind proxies, return-URL checks, API-call detection and error responses.
 */
package dev.imsauth.servlet;
