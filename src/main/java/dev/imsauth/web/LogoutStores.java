package dev.imsauth.web;

import dev.imsauth.config.ConfigKey;
import dev.imsauth.config.SignInSettings;
import dev.imsauth.config.ImsAuthConfigException;
import dev.imsauth.session.InMemoryLogoutRecords;
import dev.imsauth.session.JdbcLogoutRecords;
import dev.imsauth.session.LogoutRecords;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The {@link LogoutRecords} of {@code ims.logout-store-datasource}: a {@link JdbcLogoutRecords} over the
 * DataSource with that JNDI name (e.g. {@code java:comp/env/jdbc/sessions} on Tomcat,
 * {@code java:jboss/datasources/SessionsDS} on WildFly), or in memory when the key is not set. A name that does
 * not resolve to a DataSource, or a database that cannot hold the table, stops the start naming the key.
 */
public final class LogoutStores {
    private LogoutStores() {
    }

    public static LogoutRecords of(SignInSettings config) {
        if (config.logoutStoreDataSource().isEmpty()) {
            return new InMemoryLogoutRecords();
        }
        String name = config.logoutStoreDataSource().get();
        Object found;
        try {
            found = new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new ImsAuthConfigException(ConfigKey.LOGOUT_STORE_DATASOURCE.key(), "names no JNDI resource: '" + name
                    + "' (" + e.getMessage() + "); declare the DataSource in the container or leave the key unset");
        }
        if (!(found instanceof DataSource dataSource)) {
            throw new ImsAuthConfigException(ConfigKey.LOGOUT_STORE_DATASOURCE.key(), "'" + name + "' is not a DataSource");
        }
        try {
            return new JdbcLogoutRecords(dataSource);
        } catch (LogoutRecords.LogoutStoreException e) {
            throw new ImsAuthConfigException(ConfigKey.LOGOUT_STORE_DATASOURCE.key(), e.getMessage());
        }
    }
}
