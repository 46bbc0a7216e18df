package dev.imsauth.conformance.server;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * What a Tomcat 9 WAR is made of here. The library: its {@code javax} artifact and runtime dependencies, as
 * Maven puts them into a user's WAR (docs/tomcat9.md step 1; the artifact's version is in this module's
 * dependencyManagement, so it is never on the test classpath beside the Jakarta jar). The test servlet: compiled
 * once against Jakarta EE, its {@code jakarta/servlet/…} references renamed to {@code javax/servlet/…} in the
 * bytecode — the rename the build applies to the library itself, so the servlet's source is not kept twice.
 */
final class JavaxClasses {

    /** The artifact a Tomcat 9 user adds, as in it/tomcat9's Tomcat9Portal. */
    static final String JAVAX_ARTIFACT = "dev.imsauth:ims-auth:jar:javax:?";

    private static final String JAKARTA_SERVLET = "jakarta/servlet/";
    private static final String JAVAX_SERVLET = "javax/servlet/";

    private JavaxClasses() {
    }

    /** The javax jar and its dependencies; fails if a Jakarta jar (the library's or an API's) came with them. */
    static File[] libraries() {
        File[] jars = Maven.resolver().loadPomFromFile("pom.xml").resolve(JAVAX_ARTIFACT).withTransitivity().asFile();
        List<String> names = Arrays.stream(jars).map(File::getName).toList();
        List<String> jakarta = names.stream()
                .filter(name -> name.startsWith("jakarta.") || name.matches("ims-auth-[^-]+(-SNAPSHOT)?\\.jar")).toList();
        if (jakarta.isEmpty() && names.stream().anyMatch(name -> name.matches("ims-auth-.*-javax\\.jar"))) {
            return jars;
        }
        throw new IllegalStateException("A Tomcat 9 WAR needs the javax jar and no Jakarta jar, resolved: " + names);
    }

    /** {@code type}'s class file with {@code jakarta.servlet} renamed to {@code javax.servlet}; a top-level class only. */
    static byte[] rename(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            if (in == null) {
                throw new IllegalStateException("No class file for " + type.getName());
            }
            ClassWriter writer = new ClassWriter(0);
            new ClassReader(in).accept(new ClassRemapper(writer, new Remapper() {
                @Override
                public String map(String internalName) {
                    return internalName.startsWith(JAKARTA_SERVLET)
                            ? JAVAX_SERVLET + internalName.substring(JAKARTA_SERVLET.length())
                            : internalName;
                }
            }), 0);
            byte[] renamed = writer.toByteArray();
            if (new String(renamed, StandardCharsets.ISO_8859_1).contains("jakarta/")) {
                throw new IllegalStateException(type.getName() + " refers to Jakarta beyond jakarta.servlet");
            }
            return renamed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + type.getName(), e);
        }
    }
}
