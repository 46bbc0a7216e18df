package dev.imsauth.testsupport;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Sends browser GETs all at once, one thread each, released together, and waits for every answer: the
 * load that makes many requests of one session meet (e.g. at token expiry, on several nodes).
 */
public final class ConcurrentRequests {
    private ConcurrentRequests() {
    }

    /** GETs every URL at the same moment with a session cookie; the answers in the order of {@code urls}. */
    public static List<HttpResponse<String>> get(List<String> urls, String sessionCookie) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(urls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (String url : urls) {
                pending.add(pool.submit(() -> {
                    go.await();
                    return new BrowserlessClient().get(url, Map.of("Cookie", "JSESSIONID=" + sessionCookie,
                            "Accept", "text/html"));
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many answers had each status, by status. */
    public static Map<Integer, Long> statuses(List<HttpResponse<String>> answers) {
        return answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, TreeMap::new, Collectors.counting()));
    }
}
