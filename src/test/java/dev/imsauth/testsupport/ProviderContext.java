package dev.imsauth.testsupport;

/** The collaborators the endpoints share; one per provider. */
record ProviderContext(String issuer, ProviderSettings settings, ProviderFaults faults, ClientRegistry clients,
                       SigningKeys keys, GrantStore grants, IdTokenMinter minter) {
}
