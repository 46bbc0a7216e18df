package dev.imsauth.event.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** One refresh of a signed-in user's tokens (the token request and the checks of what came back). */
@Name("dev.imsauth.Refresh")
@Label("Token refresh")
@Description("A refresh of a signed-in user's tokens")
public final class RefreshEvent extends OutcomeEvent {
}
