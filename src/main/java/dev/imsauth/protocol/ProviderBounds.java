package dev.imsauth.protocol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place where numbers and times that come from outside (the provider, an API) are bounded. Every
 * value is read member by member, cut to whole seconds (fractions are rounded down), and clamped into a
 * documented range before any arithmetic touches it, so nothing a provider sends can overflow, stretch a
 * sign-in for years or make every request refresh. The table in docs/security.md ("Bounds") lists them.
 *
 * <ul>
 * <li>{@code expires_in}: a JSON number, or a decimal number in a JSON string, clamped to
 *     {@link #MIN_LIFETIME} … {@link #MAX_LIFETIME} (so {@code -1}, {@code "-1"}, {@code 0} and {@code 3.5}
 *     give 30 s; {@code 1e12}, {@code 1e19} and {@code Long.MAX_VALUE} give 24 h). Anything else (absent,
 *     {@code null}, {@code true}, {@code "soon"}, an object) counts as absent: {@link #DEFAULT_LIFETIME}.</li>
 * <li>{@code exp}, {@code iat}, {@code nbf}, {@code auth_time} of an ID token: a JSON number (fractions
 *     rounded down) between 0 and {@link #MAX_EPOCH_SECOND} (the end of year 9999); anything else
 *     refuses the token.</li>
 * <li>{@code Retry-After}: delay seconds or an HTTP date, clamped to 0 … {@link #MAX_RETRY_AFTER}.</li>
 * </ul>
 */
public final class ProviderBounds {
    /** The shortest access-token lifetime believed. */
    public static final Duration MIN_LIFETIME = Duration.ofSeconds(30);
    /** The longest access-token lifetime believed. */
    public static final Duration MAX_LIFETIME = Duration.ofHours(24);
    /** The lifetime assumed when the token endpoint sends no usable {@code expires_in}: short, so we refresh early. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** The longest wait a {@code Retry-After} may ask for. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);
    /** After a failed refresh or token call, the next attempt waits at least this long (or Retry-After, bounded). */
    public static final Duration FAILURE_COOL_DOWN = Duration.ofSeconds(10);
    /** 9999-12-31T23:59:59Z: the latest NumericDate an ID token may carry. */
    public static final long MAX_EPOCH_SECOND = 253_402_300_799L;
    /** The most members of a JWKS that are read; the rest are ignored. */
    public static final int MAX_JWKS_MEMBERS = 100;
    /** RSA moduli accepted in a JWKS, in bits (RFC 7518 §3.3 asks for 2048 at least). */
    public static final int MIN_RSA_BITS = 2048;
    /** The largest RSA modulus accepted in a JWKS, in bits: larger keys only cost CPU per verification. */
    public static final int MAX_RSA_BITS = 16_384;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,40}(\\.[0-9]{1,40})?");
    private static final Pattern DELAY_SECONDS = Pattern.compile("[0-9]{1,40}");
    private static final BigDecimal MIN_SECONDS = BigDecimal.valueOf(MIN_LIFETIME.toSeconds());
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(MAX_LIFETIME.toSeconds());

    private ProviderBounds() {
    }

    /**
     * The access-token lifetime for a raw {@code expires_in} JSON value (as parsed: Number, String, Boolean,
     * Map, List or null).
     */
    public static Duration lifetime(Object expiresIn) {
        BigDecimal seconds = decimal(expiresIn);
        if (seconds == null) {
            return DEFAULT_LIFETIME;
        }
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        return Duration.ofSeconds(whole.max(MIN_SECONDS).min(MAX_SECONDS).longValueExact());
    }

    /**
     * A NumericDate claim (RFC 7519 §2) as an instant, fractions rounded down; empty when the claim is absent.
     *
     * @throws IllegalArgumentException when present but not a number in 0 … {@link #MAX_EPOCH_SECOND}
     */
    public static Optional<Instant> epochSecond(Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof Number)) {
            throw new IllegalArgumentException("not a number");
        }
        BigDecimal value = decimal(raw);
        if (value == null) {
            throw new IllegalArgumentException("not a finite number");
        }
        BigDecimal whole = value.setScale(0, RoundingMode.FLOOR);
        if (whole.signum() < 0 || whole.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECOND)) > 0) {
            throw new IllegalArgumentException("out of range");
        }
        return Optional.of(Instant.ofEpochSecond(whole.longValueExact()));
    }

    /** The wait a {@code Retry-After} header asks for (RFC 9110 §10.2.3), within 0 … {@link #MAX_RETRY_AFTER}; empty when absent or unreadable. */
    public static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank() || header.length() > 64) {
            return Optional.empty();
        }
        String v = header.trim();
        if (DELAY_SECONDS.matcher(v).matches()) {
            BigDecimal seconds = new BigDecimal(v).min(BigDecimal.valueOf(MAX_RETRY_AFTER.toSeconds()));
            return Optional.of(Duration.ofSeconds(seconds.longValueExact()));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(clamp(Duration.between(clock.instant(), at), Duration.ZERO, MAX_RETRY_AFTER));
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** How long to stay away after a failed call: the cool-down, or a longer Retry-After (already bounded). */
    public static Duration coolDown(Optional<Duration> retryAfter) {
        return retryAfter.filter(d -> d.compareTo(FAILURE_COOL_DOWN) > 0).orElse(FAILURE_COOL_DOWN);
    }

    /** {@code at + d} without overflow: saturates at {@link Instant#MAX} / {@link Instant#MIN}. */
    public static Instant plus(Instant at, Duration d) {
        try {
            return at.plus(d);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return d.isNegative() ? Instant.MIN : Instant.MAX;
        }
    }

    static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }

    /** A JSON number, or a decimal number written in a string, as a BigDecimal; null for anything else. */
    private static BigDecimal decimal(Object raw) {
        try {
            if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
                return BigDecimal.valueOf(((Number) raw).longValue());
            }
            if (raw instanceof Double || raw instanceof Float) {
                double d = ((Number) raw).doubleValue();
                return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            }
            if (raw instanceof BigDecimal b) {
                return b;
            }
            if (raw instanceof java.math.BigInteger b) {
                return new BigDecimal(b);
            }
            if (raw instanceof Number n) {
                return decimalString(n.toString());
            }
            if (raw instanceof String s) {
                return decimalString(s.trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static BigDecimal decimalString(String s) {
        return DECIMAL.matcher(s).matches() ? new BigDecimal(s) : null;
    }
}
