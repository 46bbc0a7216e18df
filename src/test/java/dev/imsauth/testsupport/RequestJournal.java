package dev.imsauth.testsupport;

import java.util.ArrayList;
import java.util.List;

/** Every request the provider received, in arrival order. */
final class RequestJournal {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized List<RecordedRequest> byPath(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    synchronized int count(String path) {
        return (int) requests.stream().filter(r -> r.path().equals(path)).count();
    }

    synchronized void clear() {
        requests.clear();
    }
}
