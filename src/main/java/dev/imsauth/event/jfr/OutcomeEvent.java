package dev.imsauth.event.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.StackTrace;

/** What every ims-auth recording event has: begun when the step starts, committed with its outcome and reason. */
@Category("ims-auth")
@StackTrace(false)
public abstract class OutcomeEvent extends Event {
    @Label("Outcome")
    @Description("ok, or failed")
    String outcome;

    @Label("Reason")
    @Description("ok, or the failure's stable reason code (state_mismatch, token_rejected, http_503, ...)")
    String reason;

    /** Ends the event now and records it (a no-op when no recording enables it). */
    public void finish(String reasonCode) {
        end();
        if (shouldCommit()) {
            outcome = "ok".equals(reasonCode) ? "ok" : "failed";
            reason = reasonCode;
            commit();
        }
    }
}
