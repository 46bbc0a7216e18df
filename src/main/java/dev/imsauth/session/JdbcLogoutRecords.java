package dev.imsauth.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link LogoutRecords} in a database every node reaches, through a {@link DataSource} (e.g. the one the
 * container's session store already uses). One table, created when missing:
 *
 * <pre>
 * CREATE TABLE ims_logout_records (kind VARCHAR(3) NOT NULL, val VARCHAR(255) NOT NULL, ended_at BIGINT NOT NULL)
 * </pre>
 * ({@code ended_at} in epoch milliseconds). Plain SQL, one short statement per call.
 */
public final class JdbcLogoutRecords implements LogoutRecords {
    static final String TABLE = "ims_logout_records";
    private final DataSource dataSource;

    public JdbcLogoutRecords(DataSource dataSource) {
        this.dataSource = dataSource;
        createTableIfMissing();
    }

    @Override
    public void add(LogoutRecord record) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO " + TABLE + " (kind, val, ended_at) VALUES (?, ?, ?)")) {
            s.setString(1, record.kind().name());
            s.setString(2, record.value());
            s.setLong(3, record.endedAt().toEpochMilli());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new LogoutStoreException("Cannot store a back-channel logout in " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<LogoutRecord> since(Instant from, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT kind, val, ended_at FROM " + TABLE
                     + " WHERE ended_at >= ? ORDER BY ended_at")) {
            s.setLong(1, from.toEpochMilli());
            s.setMaxRows(limit);
            List<LogoutRecord> out = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next() && out.size() < limit) {
                    Kind kind = "SID".equals(rows.getString(1)) ? Kind.SID : Kind.SUB;
                    out.add(new LogoutRecord(kind, rows.getString(2), Instant.ofEpochMilli(rows.getLong(3))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new LogoutStoreException("Cannot read back-channel logouts from " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void removeBefore(Instant before) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE + " WHERE ended_at < ?")) {
            s.setLong(1, before.toEpochMilli());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new LogoutStoreException("Cannot purge " + TABLE + ": " + e.getMessage(), e);
        }
    }

    private void createTableIfMissing() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try {
                s.executeQuery("SELECT kind FROM " + TABLE + " WHERE 1 = 0").close();
            } catch (SQLException missing) {
                s.executeUpdate("CREATE TABLE " + TABLE
                        + " (kind VARCHAR(3) NOT NULL, val VARCHAR(255) NOT NULL, ended_at BIGINT NOT NULL)");
            }
        } catch (SQLException e) {
            throw new LogoutStoreException("Cannot create the table " + TABLE + ": " + e.getMessage(), e);
        }
    }
}
