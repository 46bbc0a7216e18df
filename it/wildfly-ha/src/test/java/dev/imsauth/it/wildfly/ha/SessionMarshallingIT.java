package dev.imsauth.it.wildfly.ha;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.TokenSet;
import dev.imsauth.protocol.UserClaims;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.marshalling.Marshaller;
import org.jboss.marshalling.MarshallerFactory;
import org.jboss.marshalling.Marshalling;
import org.jboss.marshalling.MarshallingConfiguration;
import org.jboss.marshalling.Unmarshaller;
import org.junit.jupiter.api.Test;

/**
 * The session's attributes written and read back with JBoss Marshalling (River), as WildFly's distributable
 * sessions store them (one map per session with the default SESSION granularity). The signed-in user's compact
 * form once read its values with readNBytes, which River answers differently at the end of an object's data:
 * the next attribute then failed with OptionalDataException and the session could not be read on the other node
 * (seen after a refresh, when the claims are written last).
 */
class SessionMarshallingIT {

    @Test
    void theSignedInUserAndTheAttributesAfterItAreReadBack() throws Exception {
        // no ID token: the claims are written as the form's last value
        SignedInUser user = new SignedInUser(new UserClaims(Map.of("sub", "alice", "name", "Alice")),
                new TokenSet("a".repeat(2000), "r".repeat(64), null, Instant.ofEpochSecond(1_800_000_000L, 5),
                        List.of("openid", "offline_access")));
        ConcurrentHashMap<String, Object> attributes = new ConcurrentHashMap<>();
        attributes.put("dev.imsauth.user", user);
        attributes.put("dev.imsauth.logout-token", "t".repeat(43));
        attributes.put("dev.imsauth.signed-in-at", 1_800_000_000_000L);

        MarshallerFactory river = Marshalling.getProvidedMarshallerFactory("river");
        MarshallingConfiguration configuration = new MarshallingConfiguration();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Marshaller marshaller = river.createMarshaller(configuration);
        marshaller.start(Marshalling.createByteOutput(bytes));
        marshaller.writeObject(attributes);
        marshaller.finish();
        Unmarshaller unmarshaller = river.createUnmarshaller(configuration);
        unmarshaller.start(Marshalling.createByteInput(new ByteArrayInputStream(bytes.toByteArray())));
        Map<?, ?> read = (Map<?, ?>) unmarshaller.readObject();

        SignedInUser back = (SignedInUser) read.get("dev.imsauth.user");
        assertThat(back.tokens().accessToken()).isEqualTo(user.tokens().accessToken());
        assertThat(back.tokens().refreshToken()).isEqualTo(user.tokens().refreshToken());
        assertThat(back.tokens().expiresAt()).isEqualTo(user.tokens().expiresAt());
        assertThat(back.tokens().scopes()).isEqualTo(user.tokens().scopes());
        assertThat(back.claims().all()).isEqualTo(user.claims().all());
        assertThat(read.get("dev.imsauth.logout-token")).isEqualTo("t".repeat(43));
        assertThat(read.get("dev.imsauth.signed-in-at")).isEqualTo(1_800_000_000_000L);
    }
}
