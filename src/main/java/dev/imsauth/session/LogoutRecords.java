package dev.imsauth.session;

import java.time.Instant;
import java.util.List;

/**
 * Where the nodes of one application share the back-channel logouts they received (the small SPI behind
 * {@link BackChannelLogouts}): a node that receives a logout token adds a record, and every node reads the
 * records added since it last looked, at most once per {@code ims.logout-check-interval}. The default
 * {@link InMemoryLogoutRecords} serves one node; {@link JdbcLogoutRecords} serves a cluster over a
 * {@code DataSource} all nodes reach (named by {@code ims.logout-store-datasource}). Implementations are
 * thread-safe and throw {@link LogoutStoreException} when the store cannot be used.
 */
public interface LogoutRecords {

    /** Stores a record. */
    void add(LogoutRecord record);

    /** The records whose {@code endedAt} is at or after {@code from}, at most {@code limit} of them, oldest first. */
    List<LogoutRecord> since(Instant from, int limit);

    /** Forgets the records ended before {@code before} (they can no longer match a live session). */
    void removeBefore(Instant before);

    /**
     * A provider session or user whose application sessions signed in at or before {@code endedAt} are over.
     *
     * @param kind    {@link Kind#SID} or {@link Kind#SUB}
     * @param value   the sid or sub (at most 255 characters)
     * @param endedAt when the logout arrived
     */
    record LogoutRecord(Kind kind, String value, Instant endedAt) {
    }

    /** What a record names. */
    enum Kind { SID, SUB }

    /** The store failed (database down, no table); the message names no token. */
    class LogoutStoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LogoutStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
