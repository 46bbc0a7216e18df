package dev.imsauth.event.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** One call to the provider's token endpoint. */
@Name("dev.imsauth.TokenRequest")
@Label("Token endpoint call")
@Description("A request to the identity provider's token endpoint")
public final class TokenRequestEvent extends ProviderCallEvent {
    @Label("Grant type")
    @Description("authorization_code, refresh_token or client_credentials")
    String grantType;

    public TokenRequestEvent(String grantType) {
        this.grantType = grantType;
    }
}
