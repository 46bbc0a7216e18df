package dev.imsauth.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing that happened to a sign-in. Immutable; holds no token, authorization code, secret or PKCE
 * verifier, and not the session id itself: {@link #sessionIdHash()} is a one-way hash of it, enough to tell
 * the events of one session apart from another's in an audit trail.
 */
public final class ImsAuthEvent {
    /** What happened. */
    public enum Type {
        /** A callback completed: the user is signed in (the session id was rotated; the hash is the new id's). */
        SIGNED_IN,
        /** A callback was refused; {@link #reason()} says why ({@code state_mismatch}, {@code invalid_id_token}, …). */
        CALLBACK_REJECTED,
        /** The user's tokens were refreshed. */
        REFRESHED,
        /** A refresh failed; {@link #reason()} is the typed failure's reason ({@code token_rejected}, {@code provider_error}, …). */
        REFRESH_FAILED,
        /** The application ended the sign-in here only: the logout path without an end-session endpoint, or {@code request.logout()}. */
        SIGNED_OUT_LOCAL,
        /** The user signed out at the logout path and the sign-out continues at the provider's end-session endpoint. */
        SIGNED_OUT_PROVIDER,
        /** The provider ended the session with a back-channel logout token. */
        SIGNED_OUT_BACK_CHANNEL,
        /** A service client obtained a client-credentials token. */
        SERVICE_TOKEN_OBTAINED,
        /** A service client could not obtain a client-credentials token. */
        SERVICE_TOKEN_FAILED
    }

    /** The reason of events that succeeded. */
    public static final String OK = "ok";
    private final Type type;
    private final String subject;
    private final String sessionIdHash;
    private final String reason;
    private final Instant at;
    private final Duration duration;

    /**
     * @param subject       the user's {@code sub}, or null when not known (a rejected callback, a service token)
     * @param sessionIdHash {@link SessionIds#hash} of the session id, or null without a session
     * @param reason        {@link #OK}, a typed failure's stable reason, or the way of a sign-out
     * @param at            when it happened (when the step ended)
     * @param duration      how long the step took; zero for instantaneous ones
     */
    public ImsAuthEvent(Type type, String subject, String sessionIdHash, String reason, Instant at, Duration duration) {
        this.type = Objects.requireNonNull(type, "type");
        this.subject = subject;
        this.sessionIdHash = sessionIdHash;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.at = Objects.requireNonNull(at, "at");
        this.duration = Objects.requireNonNull(duration, "duration");
    }

    public Type type() {
        return type;
    }

    /** The user's {@code sub} claim; empty when no user is known. */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** A hash of the session id (URL-safe Base64 of SHA-256, 22 characters); empty without a session. */
    public Optional<String> sessionIdHash() {
        return Optional.ofNullable(sessionIdHash);
    }

    /** {@link #OK}, a failure's stable reason code, or how a sign-out happened; never free text from outside. */
    public String reason() {
        return reason;
    }

    /** When the step ended. */
    public Instant at() {
        return at;
    }

    /** How long the step took (the callback, the refresh call, the token request). */
    public Duration duration() {
        return duration;
    }

    /** True for {@code *_FAILED} and {@link Type#CALLBACK_REJECTED}. */
    public boolean isFailure() {
        return type == Type.CALLBACK_REJECTED || type == Type.REFRESH_FAILED || type == Type.SERVICE_TOKEN_FAILED;
    }

    @Override
    public String toString() {
        return "ImsAuthEvent[" + type + ", subject=" + subject + ", session=" + sessionIdHash + ", reason=" + reason
                + ", at=" + at + ", duration=" + duration + "]";
    }
}
