package dev.imsauth.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** The container a test class runs its scenarios on; {@link ConformanceSuite} starts it (one at a time). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ConformanceSuite.class)
public @interface OnServer {
    ServerKind value();
}
