/**
 * Container-free clients for calling Bentley APIs: {@link dev.imsauth.client.ServiceTokenProvider} (a service
 * app's client-credentials token, cached and renewed) and {@link dev.imsauth.client.ITwinClient} (the iTwin
 * Platform REST APIs with a user's or a service's token). Depends on {@code protocol} and {@code config} only.
 */
package dev.imsauth.client;
