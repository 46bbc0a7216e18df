package dev.imsauth.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Guards the javax artifact ({@code ims-auth-<version>-javax.jar}, the library rewritten jakarta → javax by
 * the Eclipse Transformer at package time) against a transformation slip, so that the build fails instead of
 * Tomcat 9: not one {@code jakarta.} reference left in any class, service file or resource (the Maven
 * descriptor aside); every servlet API member it uses exists in Servlet 4.0 (except the guarded ones); and the jakarta jar, the other way round, names no
 * {@code javax.servlet}. Runs after {@code package} (failsafe), where both jars exist.
 */
class JavaxArtifactIT {
    private static final Path JAKARTA_JAR = Path.of(System.getProperty("ims.jakarta.jar", "target/none.jar"));
    private static final Path JAVAX_JAR = Path.of(System.getProperty("ims.javax.jar", "target/none-javax.jar"));
    /**
     * The Maven descriptor (the project's pom, which both artifacts share, and its properties): the archiver
     * writes it into both jars, and nothing reads it at run time.
     */
    private static final String MAVEN_DESCRIPTOR = "META-INF/maven/";
    /**
     * Servlet 6 members the javax jar may name because the code calls them only on a Servlet 6 container:
     * SessionCookieDefaults asks {@code ServletContext.getMajorVersion()} first.
     */
    private static final Pattern SERVLET_TYPE = Pattern.compile("javax/servlet/[\\w/$]+");
    private static final Set<String> GUARDED = Set.of(
            "javax.servlet.SessionCookieConfig.getAttribute(Ljava/lang/String;)Ljava/lang/String;",
            "javax.servlet.SessionCookieConfig.setAttribute(Ljava/lang/String;Ljava/lang/String;)V");

    @Test
    void theJavaxJarNamesNoJakartaPackageAnywhere() throws IOException {
        Map<String, byte[]> entries = entries(JAVAX_JAR);

        List<String> hits = new ArrayList<>();
        entries.forEach((name, bytes) -> {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            if (name.contains("jakarta.") || name.contains("jakarta/") || text.contains("jakarta.")
                    || text.contains("jakarta/")) {
                hits.add(name);
            }
        });

        assertThat(hits).as("entries of %s that name jakarta", JAVAX_JAR).isEmpty();
        assertThat(entries).containsKeys("dev/imsauth/servlet/ImsAuthFilter.class",
                "dev/imsauth/client/ServiceTokenProvider.class", "dev/imsauth/client/ITwinClient.class",
                "META-INF/services/javax.servlet.ServletContainerInitializer");
        assertThat(new String(entries.get("META-INF/services/javax.servlet.ServletContainerInitializer"),
                StandardCharsets.UTF_8)).contains("dev.imsauth.security.ImsAuthInitializer");
        assertThat(entries).containsKeys("dev/imsauth/security/ImsAuthInitializer.class",
                "dev/imsauth/web/SessionCookieDefaults.class");
        assertThat(references(entries.get("dev/imsauth/servlet/ImsAuthFilter.class")).texts())
                .contains("javax/servlet/http/HttpFilter");
    }

    @Test
    void theJavaxJarKeepsTheCdiBeansAndLeavesOutTheJakartaSecurityMechanism() throws IOException {
        Map<String, byte[]> entries = entries(JAVAX_JAR);

        assertThat(entries.keySet()).filteredOn(name -> name.startsWith("dev/imsauth/security/"))
                .as("of the security package only the initializer and the annotation it looks for")
                .containsExactlyInAnyOrder("dev/imsauth/security/ImsAuthInitializer.class",
                        "dev/imsauth/security/ImsAuthenticationMechanismDefinition.class",
                        "dev/imsauth/security/package-info.class");
        assertThat(entries.keySet()).doesNotContain("META-INF/services/javax.enterprise.inject.spi.Extension");
        assertThat(entries).containsKeys("dev/imsauth/cdi/ImsTokens.class", "dev/imsauth/cdi/ImsUser.class");
        assertThat(references(entries.get("dev/imsauth/cdi/ImsTokens.class")).texts())
                .contains("Ljavax/enterprise/context/RequestScoped;");
        assertThat(new String(entries.get("META-INF/beans.xml"), StandardCharsets.UTF_8))
                .contains("xmlns=\"http://xmlns.jcp.org/xml/ns/javaee\"");
    }

    @Test
    void everyServletApiTypeAndMemberTheJavaxJarUsesExistsInServlet4() throws Exception {
        TreeSet<String> missing = new TreeSet<>();
        int checked = 0;
        for (Map.Entry<String, byte[]> entry : entries(JAVAX_JAR).entrySet()) {
            if (!entry.getKey().endsWith(".class")) {
                continue;
            }
            ClassFileReferences references = references(entry.getValue());
            for (String type : servletTypes(references.texts())) {
                if (!existsInServlet4(type)) {
                    missing.add(type + " (used by " + entry.getKey() + ")");
                }
            }
            for (ClassFileReferences.MemberRef ref : references.members()) {
                if (ref.owner().startsWith("javax/servlet/")) {
                    checked++;
                    if (!existsInServlet4(ref) && !GUARDED.contains(ref.toString())) {
                        missing.add(ref + " (used by " + entry.getKey() + ")");
                    }
                }
            }
        }

        assertThat(checked).as("servlet API members used").isGreaterThan(20);
        assertThat(missing).as("types and members that javax.servlet-api 4.0.1 lacks").isEmpty();
    }

    @Test
    void theJakartaJarNamesNoJavaxServlet() throws IOException {
        Map<String, byte[]> entries = entries(JAKARTA_JAR);

        assertThat(entries.entrySet().stream()
                .filter(e -> e.getKey().contains("javax.servlet") || e.getKey().contains("javax/servlet")
                        || new String(e.getValue(), StandardCharsets.ISO_8859_1).matches("(?s).*javax[./]servlet.*"))
                .map(Map.Entry::getKey)).as("entries of %s that name javax.servlet", JAKARTA_JAR).isEmpty();
        assertThat(references(entries.get("dev/imsauth/servlet/ImsAuthFilter.class")).texts())
                .contains("jakarta/servlet/http/HttpFilter");
    }

    /** The servlet API types these constants name (class names, descriptors, signatures), in internal form. */
    private static Set<String> servletTypes(List<String> texts) {
        Set<String> types = new TreeSet<>();
        for (String text : texts) {
            Matcher m = SERVLET_TYPE.matcher(text);
            while (m.find()) {
                types.add(m.group());
            }
        }
        return types;
    }

    private static boolean existsInServlet4(String internalName) {
        try {
            Class.forName(internalName.replace('/', '.'), false, JavaxArtifactIT.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Looks the member up in the Servlet 4.0 API on the test class path, in the owner and its supertypes. */
    private static boolean existsInServlet4(ClassFileReferences.MemberRef ref) throws ClassNotFoundException {
        Class<?> owner = Class.forName(ref.owner().replace('/', '.'), false, JavaxArtifactIT.class.getClassLoader());
        if (!ref.method()) {
            return supertypes(owner).anyMatch(type -> Stream.of(type.getDeclaredFields())
                    .anyMatch(f -> f.getName().equals(ref.name())));
        }
        return supertypes(owner).anyMatch(type -> Stream.concat(Stream.of(type.getDeclaredMethods()),
                        Stream.of(type.getDeclaredConstructors()))
                .anyMatch(m -> name(m).equals(ref.name()) && descriptor(m).equals(ref.descriptor())));
    }

    private static Stream<Class<?>> supertypes(Class<?> type) {
        if (type == null) {
            return Stream.empty();
        }
        return Stream.concat(Stream.of(type), Stream.concat(supertypes(type.getSuperclass()),
                Stream.of(type.getInterfaces()).flatMap(JavaxArtifactIT::supertypes)));
    }

    private static String name(Executable member) {
        return member instanceof Constructor<?> ? "<init>" : member.getName();
    }

    private static String descriptor(Executable member) {
        Class<?> returned = member instanceof Method m ? m.getReturnType() : void.class;
        return MethodType.methodType(returned, member.getParameterTypes()).toMethodDescriptorString();
    }

    private static ClassFileReferences references(byte[] classFile) throws IOException {
        assertThat(classFile).as("class file").isNotNull();
        return ClassFileReferences.parse(classFile);
    }

    private static Map<String, byte[]> entries(Path jar) throws IOException {
        assertThat(jar).as("built by mvn package").isRegularFile();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream()
                    .filter(e -> !e.isDirectory() && !e.getName().startsWith(MAVEN_DESCRIPTOR)).toList()) {
                entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
    }
}
