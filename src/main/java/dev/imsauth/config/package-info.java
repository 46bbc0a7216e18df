/**
 * The one immutable configuration ({@link dev.imsauth.config.ImsAuthConfig}), validated when built,
 * and the sources it is loaded from. No container types here.
 */
package dev.imsauth.config;
