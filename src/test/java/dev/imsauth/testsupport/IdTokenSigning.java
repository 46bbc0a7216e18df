package dev.imsauth.testsupport;

/** How the provider signs ID tokens; everything but {@link #RS256} is a fault. */
public enum IdTokenSigning {
    /** RS256 with the current signing key and its kid (the normal case). */
    RS256,
    /** An unsigned token ({@code alg: none}, empty signature). */
    ALG_NONE,
    /** RS256 header with the current kid, but signed by a different RSA key. */
    BAD_SIGNATURE,
    /** HS256, MACed with the current public key's PEM text (algorithm confusion); kid is current. */
    HS256_WITH_PUBLIC_KEY,
    /** RS512 with the current key and kid (an algorithm outside id_token_signing_alg_values_supported). */
    RS512,
    /** RS256 with the current key, but no kid in the header. */
    NO_KID,
    /** RS256 signed by a key whose kid was never published in the JWKS. */
    UNKNOWN_KID,
    /** A correct RS256 token whose signature then has one byte flipped. */
    FLIPPED_SIGNATURE_BYTE,
    /** PS256 with the current key and kid (RSA, but an algorithm outside the allow-list). */
    PS256,
    /** ES256 signed by an EC key that was never published, labelled with the current kid. */
    ES256_UNPUBLISHED_KEY,
    /** HS256 MACed with a secret the relying party does not hold (an invalid HS256 signature). */
    HS256_WITH_GUESSED_SECRET,
    /** HS256 MACed with the current public key's JWK JSON text (algorithm confusion, JWK variant). */
    HS256_WITH_PUBLIC_JWK,
    /** RS256 with the current key and kid, and a {@code crit} header naming an extension nobody understands. */
    CRIT_HEADER
}
