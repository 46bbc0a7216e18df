/**
 * The CDI side: the injectable {@link dev.imsauth.cdi.ImsTokens} and {@link dev.imsauth.cdi.ImsUser}
 * (request scoped; they work behind the Jakarta Security mechanism and behind the filter) and the producers of the
 * service clients, configured from MicroProfile Config ({@link dev.imsauth.cdi.MicroProfileConfigSource}).
 */
package dev.imsauth.cdi;
