package dev.imsauth.it.app;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads one key from the WAR's META-INF/microprofile-config.properties, injected and programmatically. */
@WebServlet("/config")
public class ConfigServlet extends HttpServlet {

    public static final String GREETING_KEY = "ims.it.greeting";

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = GREETING_KEY)
    transient String injected;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String looked = ConfigProvider.getConfig().getValue(GREETING_KEY, String.class);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("injected=" + injected + "\nprogrammatic=" + looked);
    }
}
