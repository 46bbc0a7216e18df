/**
 * The container-free OAuth 2.0 / OpenID Connect core: discovery, the authorization request (PKCE S256,
 * state, nonce), callback validation, token-endpoint calls, ID-token verification and the token and
 * claim types the application sees. No {@code jakarta.*} import here; Nimbus types stay inside.
 */
package dev.imsauth.protocol;
