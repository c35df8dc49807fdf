package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server from zonky's embedded binaries, its data kept in the work
 * directory so it survives a restart. Each service gets its own database and role.
 */
final class Postgres implements AutoCloseable {

	private final EmbeddedPostgres server;

	private final Path dataDir;

	private Postgres(EmbeddedPostgres server, Path dataDir) {
		this.server = server;
		this.dataDir = dataDir;
	}

	static Postgres start(Path dataDir, int port) {
		try {
			Files.createDirectories(dataDir.getParent());
			EmbeddedPostgres server = EmbeddedPostgres.builder()
				.setPort(port)
				.setDataDirectory(dataDir.toFile())
				.setCleanDataDirectory(false)
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "64MB")
				.start();
			return new Postgres(server, dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start; see the messages above", ex);
		}
	}

	/**
	 * Creates the database and its owning role unless they exist. The password is the
	 * role name: this server listens on localhost only and holds demo data.
	 */
	void ensureDatabase(String name) {
		try (Connection connection = this.server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			if (!exists(connection, "select 1 from pg_roles where rolname = ?", name)) {
				statement.execute("create role " + name + " login password '" + name + "'");
			}
			if (!exists(connection, "select 1 from pg_database where datname = ?", name)) {
				statement.execute("create database " + name + " owner " + name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the " + name + " database", ex);
		}
	}

	private static boolean exists(Connection connection, String query, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	int port() {
		return this.server.getPort();
	}

	/**
	 * The postmaster's process id, read from its pid file, for the memory figures.
	 */
	OptionalLong pid() {
		try {
			String first = Files.readAllLines(this.dataDir.resolve("postmaster.pid")).get(0).trim();
			return OptionalLong.of(Long.parseLong(first));
		}
		catch (IOException | RuntimeException ex) {
			return OptionalLong.empty();
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
