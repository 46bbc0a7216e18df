package dev.imsauth.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.imsauth.example.fixture.AnnotatedServlet;
import dev.imsauth.example.fixture.FixtureInitializer;
import dev.imsauth.example.fixture.FragmentServlet;
import dev.imsauth.testsupport.LoopbackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded Tomcat deploys a WAR as a standalone Tomcat would: library jars in WEB-INF/lib take
 * part through web-fragment.xml, ServletContainerInitializer and annotations, and their classes are
 * loaded from the WAR. Uses a throw-away WAR, so it runs in the {@code test} phase.
 */
class ExampleServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void deploysWebFragmentsInitializersAndAnnotatedClassesFromWebInfLib(@TempDir Path tmp) throws Exception {
        Path war = warWithFixtureLibrary(tmp.resolve("war"));

        try (ExampleServer server = ExampleServer.start(0, war)) {
            assertThat(server.baseUri().toString()).matches("http://localhost:\\d+/");
            assertThat(get(server.uri("lib/fragment"))).isEqualTo("web-fragment by ParallelWebappClassLoader");
            assertThat(get(server.uri("lib/initializer"))).isEqualTo("initializer by ParallelWebappClassLoader");
            assertThat(get(server.uri("lib/annotation"))).isEqualTo("annotation by ParallelWebappClassLoader");
        }
    }

    @Test
    void leavesTheTestClassPathOutOfTheWebApp(@TempDir Path tmp) throws Exception {
        Path war = Files.createDirectories(tmp.resolve("war/WEB-INF"));
        Files.writeString(war.resolve("web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="false"/>
                """);

        try (ExampleServer server = ExampleServer.start(0, war.getParent())) {
            // AnnotatedServlet is on the test class path, but not in this WAR
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri("lib/annotation")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void stopsWhenItsPortIsTakenInsteadOfRunningUnreachable(@TempDir Path tmp) throws Exception {
        Path war = warWithFixtureLibrary(tmp.resolve("war"));
        try (ServerSocket taken = new ServerSocket(0, 1, LoopbackPorts.LOOPBACK)) {
            int port = taken.getLocalPort();

            assertThatIllegalStateException()
                    .isThrownBy(() -> ExampleServer.start(port, war).close())
                    .withMessageStartingWith("Port " + port + " on 127.0.0.1, wanted by the example app, is in use by"
                            + " another program.");
        }
    }

    @Test
    void refusesToStartWithoutAnExplodedWar(@TempDir Path tmp) {
        assertThatIllegalStateException()
                .isThrownBy(() -> ExampleServer.start(0, tmp.resolve("nothing-here")))
                .withMessageContaining("No exploded WAR at")
                .withMessageContaining("mvn -B -f webapp-example package");
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
        return response.body();
    }

    private static Path warWithFixtureLibrary(Path war) throws IOException {
        Files.createDirectories(war.resolve("WEB-INF/lib"));
        Files.writeString(war.resolve("WEB-INF/web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="false"/>
                """);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(war.resolve("WEB-INF/lib/fixture.jar")))) {
            put(jar, "META-INF/web-fragment.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="false">
                      <name>fixture</name>
                      <servlet>
                        <servlet-name>fixture-fragment</servlet-name>
                        <servlet-class>%s</servlet-class>
                      </servlet>
                      <servlet-mapping>
                        <servlet-name>fixture-fragment</servlet-name>
                        <url-pattern>/lib/fragment</url-pattern>
                      </servlet-mapping>
                    </web-fragment>
                    """.formatted(FragmentServlet.class.getName()));
            put(jar, "META-INF/services/jakarta.servlet.ServletContainerInitializer",
                    FixtureInitializer.class.getName() + "\n");
            for (String className : new String[] {
                    FragmentServlet.class.getName(), AnnotatedServlet.class.getName(),
                    FixtureInitializer.class.getName(), FixtureInitializer.class.getName() + "$InitializerServlet",
                    "dev.imsauth.example.fixture.LibraryResponses"}) {
                String entry = className.replace('.', '/') + ".class";
                try (InputStream in = ExampleServerTest.class.getClassLoader().getResourceAsStream(entry)) {
                    put(jar, entry, in.readAllBytes());
                }
            }
        }
        return war;
    }

    private static void put(JarOutputStream jar, String name, String text) throws IOException {
        put(jar, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(bytes);
        jar.closeEntry();
    }
}
