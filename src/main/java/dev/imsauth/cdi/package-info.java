/**
 * The CDI side: the injectable {@link dev.imsauth.cdi.ImsTokens} and {@link dev.imsauth.cdi.ImsUser}
 * (request scoped; they work behind the Jakarta Security mechanism and behind the filter), and
 * {@link dev.imsauth.cdi.ImsAuthRuntime}, the application's configuration, client and sign-in flow built once
 * from MicroProfile Config ({@link dev.imsauth.cdi.MicroProfileConfigSource}).
 */
package dev.imsauth.cdi;
