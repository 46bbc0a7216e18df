package dev.imsauth.it.app;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Answers {@code servlet=<id> reader=<id>}: equal within a request, different across requests. */
@WebServlet("/cdi")
public class CdiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RequestIdBean requestIdBean;

    @Inject
    transient RequestIdReader reader;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("servlet=" + requestIdBean.id() + " reader=" + reader.currentRequestId());
    }
}
