package dev.imsauth.event.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The handling of one sign-in callback: state, code redemption, ID-token checks, session rotation. */
@Name("dev.imsauth.Callback")
@Label("Sign-in callback")
@Description("A sign-in callback handled by ims-auth")
public final class CallbackEvent extends OutcomeEvent {
}
