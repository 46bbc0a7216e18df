package dev.imsauth.it.signin.app;

import dev.imsauth.cdi.ImsTokens;
import dev.imsauth.cdi.ImsUser;
import dev.imsauth.cdi.NotSignedInException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What the injected beans say, as one line the tests parse:
 * {@code principal=… signedIn=true subject=… name=… groups=[…] token=<fingerprint> api=<subject> live=true}.
 * The token itself is never written, only a SHA-256 fingerprint of it.
 */
public final class TokenReport {

    private TokenReport() {
    }

    public static String of(Principal principal, ImsTokens tokens, ImsUser user, UserInfoApi api)
            throws IOException, InterruptedException {
        String head = "principal=" + (principal == null ? "null" : principal.getName());
        if (!tokens.isSignedIn()) {
            try {
                tokens.accessToken();
                return head + " signedIn=false error=none";
            } catch (NotSignedInException e) {
                return head + " signedIn=false error=" + e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        return head + " signedIn=true subject=" + user.subject() + " name=" + user.principalName()
                + " groups=" + user.groups() + " token=" + fingerprint(tokens.accessToken())
                + " api=" + api.subjectOfToken() + " live=" + tokens.expiresAt().isAfter(Instant.now());
    }

    static String fingerprint(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
