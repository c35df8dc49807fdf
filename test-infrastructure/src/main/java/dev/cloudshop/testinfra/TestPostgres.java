package dev.cloudshop.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL server per test JVM, with a database and a role of the same name
 * for each service that asks, the way each service has its own database in production.
 */
public final class TestPostgres {

	private static final String IMAGE = "postgres:17";

	private static Server server;

	private static final Set<String> databases = new HashSet<>();

	private TestPostgres() {
	}

	/**
	 * Returns a database of that name, owned by a role of that name, creating both on
	 * first use.
	 * @param name the database and role name, such as {@code inventory}
	 * @return how to connect to it
	 */
	public static synchronized Database database(String name) {
		if (!name.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		if (server == null) {
			server = (InfrastructureMode.current() == InfrastructureMode.TESTCONTAINERS) ? containerized() : embedded();
		}
		if (databases.add(name)) {
			try (Connection connection = DriverManager.getConnection(server.adminUrl(), server.adminUser(),
					server.adminPassword()); Statement statement = connection.createStatement()) {
				statement.execute("create role " + name + " login password '" + name + "'");
				statement.execute("create database " + name + " owner " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not create database " + name, ex);
			}
		}
		return new Database(server.urlOf(name), name, name);
	}

	private static Server embedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// The JVM is exiting; the server's own shutdown hook cleans its
					// directory.
				}
			}));
			return new Server("localhost", postgres.getPort(), "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
		}
	}

	@SuppressWarnings("resource") // stopped when the JVM exits
	private static Server containerized() {
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
		container.start();
		return new Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
				container.getPassword());
	}

	/**
	 * Connection settings of one database.
	 *
	 * @param url its JDBC URL
	 * @param username the role that owns it
	 * @param password that role's password
	 */
	public record Database(String url, String username, String password) {
	}

	private record Server(String host, int port, String adminUser, String adminPassword) {

		String urlOf(String database) {
			return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
		}

		String adminUrl() {
			return urlOf("postgres");
		}

	}

}
