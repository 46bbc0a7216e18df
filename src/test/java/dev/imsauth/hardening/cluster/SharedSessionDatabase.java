package dev.imsauth.hardening.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.tools.Server;

/**
 * A real database server for the cluster's sessions: H2 in TCP server mode on 127.0.0.1 (an in-memory
 * database kept while the server runs), reached by every node over JDBC as a separate process would.
 */
final class SharedSessionDatabase implements AutoCloseable {
    private final Server server;

    SharedSessionDatabase() {
        try {
            server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start H2", e);
        }
    }

    /** The JDBC URL nodes use. */
    String jdbcUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:sessions;DB_CLOSE_DELAY=-1";
    }

    /** How many session rows Jetty's JDBCSessionDataStore has written (0 before the table exists). */
    int sessionRows() {
        return rows("JettySessions");
    }

    /** Rows of the back-channel logout records table (0 when it is missing). */
    int logoutRecords() {
        return rows("ims_logout_records");
    }

    private int rows(String table) {
        try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
