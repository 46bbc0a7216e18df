/**
 * The configuration: one table of keys ({@link dev.imsauth.config.ConfigKey}) read from the sources
 * ({@link dev.imsauth.config.ConfigSource}), and the immutable settings it is validated into, split by who reads
 * them — {@link dev.imsauth.config.ProviderSettings} (the provider and the client registration),
 * {@link dev.imsauth.config.SignInSettings} (browser sign-in) and {@link dev.imsauth.config.ApiSettings}
 * (iTwin API calls and service tokens). {@link dev.imsauth.config.ImsAuthConfig} holds the three for a signing-in
 * application; {@link dev.imsauth.config.ServiceClientSettings} holds a service app's. No container types here.
 */
package dev.imsauth.config;
