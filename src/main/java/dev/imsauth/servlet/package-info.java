/**
 * The servlet adapter: {@link dev.imsauth.servlet.ImsAuthFilter} for plain containers (no CDI), its
 * configuration from init-params, and the request wrapper that answers {@code getUserPrincipal()} and
 * {@code isUserInRole()} behind it. The flows it runs are in {@link dev.imsauth.web}.
 */
package dev.imsauth.servlet;
