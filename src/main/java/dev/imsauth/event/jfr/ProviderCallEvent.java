package dev.imsauth.event.jfr;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import jdk.jfr.Description;
import jdk.jfr.Label;

/** A call to the provider: outcome {@code ok} for HTTP 200, else the reason {@code http_<status>} or the failure's. */
public abstract class ProviderCallEvent extends OutcomeEvent {
    @Label("HTTP status")
    @Description("The provider's HTTP status, or 0 when no answer arrived")
    int httpStatus;

    /**
     * Runs the call as this event: begun now, ended when it returns or throws.
     *
     * @param statusOf the HTTP status of the answer
     * @param reasonOf the stable reason of a failure
     */
    public <T> T record(Supplier<T> call, ToIntFunction<T> statusOf, Function<RuntimeException, String> reasonOf) {
        begin();
        T answer;
        try {
            answer = call.get();
        } catch (RuntimeException e) {
            finish(reasonOf.apply(e));
            throw e;
        }
        httpStatus = statusOf.applyAsInt(answer);
        finish(httpStatus == 200 ? "ok" : "http_" + httpStatus);
        return answer;
    }
}
