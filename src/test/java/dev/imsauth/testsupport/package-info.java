/**
 * A strict, in-process OpenID provider on 127.0.0.1 for the integration tests and for local
 * development ({@link dev.imsauth.testsupport.DevIdentityProvider}).
 *
 * <p>{@link dev.imsauth.testsupport.TestOpenIdProvider} is the only entry point. It speaks the
 * Bentley IMS paths ({@link dev.imsauth.testsupport.ProviderPaths}), checks client_id,
 * redirect_uri, one-time codes and the PKCE verifier like a real provider, records every request
 * ({@link dev.imsauth.testsupport.RecordedRequest}) and can be told to misbehave through
 * {@link dev.imsauth.testsupport.ProviderFaults}. Endpoints are plain functions from a recorded
 * request to a {@code Reply}; only {@code ProviderHandler} and {@code ReplyWriter} know Jetty.
 */
package dev.imsauth.testsupport;
