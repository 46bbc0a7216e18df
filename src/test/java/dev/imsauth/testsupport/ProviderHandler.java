package dev.imsauth.testsupport;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Reads and records each request, routes it to its endpoint and hands the reply to the writer. */
final class ProviderHandler extends Handler.Abstract {

    private static final System.Logger LOG = System.getLogger(ProviderHandler.class.getName());
    /** At most this many form fields and bytes per request body. */
    static final int MAX_FORM_FIELDS = 100;
    static final int MAX_FORM_BYTES = 64 * 1024;

    private final Map<String, Endpoint> endpoints;
    private final RequestJournal journal;
    private final ProviderFaults faults;
    private final ReplyWriter writer;

    ProviderHandler(Map<String, Endpoint> endpoints, RequestJournal journal, ProviderFaults faults,
                    ReplyWriter writer) {
        this.endpoints = Map.copyOf(endpoints);
        this.journal = journal;
        this.faults = faults;
        this.writer = writer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        Map<String, List<String>> headers = headers(request);
        Map<String, List<String>> query;
        Map<String, List<String>> form;
        try {
            query = toMap(Request.extractQueryParameters(request, StandardCharsets.UTF_8));
            form = isForm(request) ? toMap(FormFields.getFields(request, MAX_FORM_FIELDS, MAX_FORM_BYTES))
                    : Map.of();
        } catch (RuntimeException malformed) {
            journal.add(new RecordedRequest(request.getMethod(), path, Map.of(), Map.of(), headers));
            Reply reply = OAuthProblem.invalidRequest("malformed, or too many or too large parameters").toReply();
            writer.send(reply, ProviderFaults.Delivery.NONE, response, callback);
            return true;
        }
        RecordedRequest recorded = new RecordedRequest(request.getMethod(), path, query, form, headers);
        journal.add(recorded);
        ProviderFaults.Delivery delivery = faults.delivery(path);
        Reply reply = delivery.override() != null ? delivery.override()
                : delivery.hugeBytes() > 0 ? Reply.text(200, Reply.JSON, "") : route(recorded);
        writer.send(reply, delivery, response, callback);
        return true;
    }

    private Reply route(RecordedRequest request) {
        Endpoint endpoint = endpoints.get(request.path());
        if (endpoint == null) {
            return Reply.json(404, Map.of("error", "not_found"));
        }
        try {
            return endpoint.handle(request);
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.WARNING, "test provider failed on " + request.path(), bug);
            return Reply.json(500, Map.of("error", "server_error", "error_description", "test provider failure"));
        }
    }

    private static boolean isForm(Request request) {
        String type = request.getHeaders().get("Content-Type");
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), n -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    private static Map<String, List<String>> toMap(Fields fields) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            map.put(field.getName(), field.getValues());
        }
        return map;
    }
}
