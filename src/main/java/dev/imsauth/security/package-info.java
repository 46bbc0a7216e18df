/**
 * The Jakarta Security route: {@link dev.imsauth.security.ImsAuthenticationMechanism}, switched on by
 * {@link dev.imsauth.security.ImsAuthenticationMechanismDefinition} through the CDI extension
 * {@link dev.imsauth.security.ImsAuthExtension}. A thin adapter over the servlet package's sign-in flow.
 */
package dev.imsauth.security;
