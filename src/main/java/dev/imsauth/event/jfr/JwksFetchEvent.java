package dev.imsauth.event.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** One fetch of the provider's signing keys (the JWKS document). */
@Name("dev.imsauth.JwksFetch")
@Label("JWKS fetch")
@Description("A fetch of the identity provider's signing keys")
public final class JwksFetchEvent extends ProviderCallEvent {
}
