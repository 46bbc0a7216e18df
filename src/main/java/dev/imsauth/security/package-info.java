/**
 * The Jakarta Security route: {@link dev.imsauth.security.ImsAuthenticationMechanism}, switched on by
 * {@link dev.imsauth.security.ImsAuthenticationMechanismDefinition} through the CDI extension
 * {@link dev.imsauth.security.ImsAuthExtension}. A thin adapter over the sign-in and logout flows of {@code dev.imsauth.web}, built by its runtime {@link dev.imsauth.security.ImsAuthRuntime}.
 */
package dev.imsauth.security;
