package dev.imsauth.it.signin.app;

import dev.imsauth.cdi.ImsTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API call the way application code makes one: an application-scoped bean that takes the signed-in
 * user's token from the injected request-scoped {@link ImsTokens} and calls the provider's userinfo
 * endpoint, which answers with the subject the token was issued to.
 */
@ApplicationScoped
public class UserInfoApi {

    /** The classpath resource with the userinfo URL (plain properties: the filter WAR has no MicroProfile Config). */
    public static final String SETTINGS = "it-api.properties";
    /** Its key for the userinfo URL. */
    public static final String URL_KEY = "it.userinfo-url";
    private static final Pattern SUB = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]*)\"");

    @Inject
    ImsTokens tokens;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The subject the API says the current user's access token belongs to, or {@code HTTP <status>}. */
    public String subjectOfToken() throws IOException, InterruptedException {
        String url = settings().getProperty(URL_KEY);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", tokens.authorizationHeader()).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher sub = SUB.matcher(response.body());
        return response.statusCode() == 200 && sub.find() ? sub.group(1) : "HTTP " + response.statusCode();
    }

    private static Properties settings() throws IOException {
        Properties settings = new Properties();
        try (InputStream in = UserInfoApi.class.getClassLoader().getResourceAsStream(SETTINGS)) {
            settings.load(in);
        }
        return settings;
    }
}
