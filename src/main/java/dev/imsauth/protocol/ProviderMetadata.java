package dev.imsauth.protocol;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What discovery told us about the provider, checked: the issuer equals the configured one and every
 * endpoint obeys the URL policy.
 */
public record ProviderMetadata(
        String issuer,
        URI authorizationEndpoint,
        URI tokenEndpoint,
        URI jwksUri,
        Optional<URI> userinfoEndpoint,
        Optional<URI> endSessionEndpoint,
        Optional<URI> revocationEndpoint,
        boolean issParameterSupported,
        List<String> idTokenAlgorithms) {
}
