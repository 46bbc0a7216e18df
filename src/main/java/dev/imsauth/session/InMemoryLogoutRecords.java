package dev.imsauth.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link LogoutRecords} in this JVM's memory: the default, right for a single node. */
public final class InMemoryLogoutRecords implements LogoutRecords {
    private final List<LogoutRecord> records = new ArrayList<>();

    @Override
    public synchronized void add(LogoutRecord record) {
        records.add(record);
    }

    @Override
    public synchronized List<LogoutRecord> since(Instant from, int limit) {
        return records.stream().filter(r -> !r.endedAt().isBefore(from)).limit(limit).toList();
    }

    @Override
    public synchronized void removeBefore(Instant before) {
        records.removeIf(r -> r.endedAt().isBefore(before));
    }
}
