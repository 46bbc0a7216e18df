package dev.imsauth.it.server;

/**
 * A port a managed server opens on 127.0.0.1.
 *
 * @param port the number
 * @param use  what opens it, e.g. "Tomcat's HTTP connector (-Dims.it.tomcat.http.port)"
 * @param fix  what to do when another program holds it
 */
public record ServerPort(int port, String use, String fix) {
}
