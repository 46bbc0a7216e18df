package dev.imsauth.hardening;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The attack and fault catalogue cases (shared/security-catalogue.md) a test covers, e.g.
 * {@code @Catalogue("C04")}. {@link CatalogueCoverageTest} counts them against docs/security.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Catalogue {
    /** Case ids such as {@code A02}. */
    String[] value();
}
