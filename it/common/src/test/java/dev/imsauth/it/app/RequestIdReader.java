package dev.imsauth.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An application-scoped bean that sees the request-scoped bean through its client proxy, so the
 * id it reports must be the one the servlet sees in the same request.
 */
@ApplicationScoped
public class RequestIdReader {

    @Inject
    RequestIdBean requestIdBean;

    public String currentRequestId() {
        return requestIdBean.id();
    }
}
