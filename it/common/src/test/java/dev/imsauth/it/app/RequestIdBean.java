package dev.imsauth.it.app;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** One instance per HTTP request; its id tells instances apart. */
@RequestScoped
public class RequestIdBean {

    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }
}
