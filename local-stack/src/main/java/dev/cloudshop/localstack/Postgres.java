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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server from zonky's embedded binaries, its data kept in the work
 * directory so it survives a restart, also one after {@code kill -9}: the server then
 * recovers from its write-ahead log like any crashed PostgreSQL. Each service gets its
 * own database and role. The server's own log goes to {@code logs/postgres.log}.
 */
final class Postgres implements StackProcess {

	private final Path dataDir;

	private final int port;

	private final Path logFile;

	private volatile EmbeddedPostgres server;

	private volatile ProcessHandle postmaster;

	Postgres(Path dataDir, int port, Path logFile) {
		this.dataDir = dataDir;
		this.port = port;
		this.logFile = logFile;
	}

	@Override
	public String name() {
		return "postgres";
	}

	@Override
	public String address() {
		return "jdbc:postgresql://localhost:" + this.port;
	}

	/**
	 * Starts the server on its data directory (initialized on the first start) and
	 * returns once it accepts connections.
	 */
	@Override
	public void start() {
		if (this.server != null) {
			// A killed server's lock on its data directory is released only when its
			// handle is closed; closing also tries to stop it, which fails quietly.
			closeHandle();
		}
		try {
			Files.createDirectories(this.dataDir.getParent());
			ManagedProcess.note(this.logFile, "postgres starting on " + this.dataDir);
			this.server = EmbeddedPostgres.builder()
				.setPort(this.port)
				.setDataDirectory(this.dataDir.toFile())
				.setCleanDataDirectory(false)
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "64MB")
				// zonky turns this off for speed; then a server killed with -9 loses
				// transactions it had confirmed, which no real PostgreSQL does.
				.setServerConfig("synchronous_commit", "on")
				// After a crash the server replays its write-ahead log before it serves.
				.setPGStartupWait(Duration.ofSeconds(60))
				.setOutputRedirector(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
				.start();
			this.postmaster = readPid().flatMap(ProcessHandle::of).orElse(null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start; see " + this.logFile, ex);
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

	@Override
	public boolean isAlive() {
		ProcessHandle current = this.postmaster;
		return current != null && current.isAlive();
	}

	@Override
	public boolean isReady() {
		if (!isAlive()) {
			return false;
		}
		try (Connection connection = this.server
			.getPostgresDatabase(Map.of("connectTimeout", "2", "socketTimeout", "2", "loginTimeout", "2"))
			.getConnection(); Statement statement = connection.createStatement()) {
			return statement.execute("select 1");
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * The postmaster and every server process it forked (checkpointer, WAL writer, one
	 * backend per connection).
	 */
	@Override
	public List<Long> pids() {
		ProcessHandle current = this.postmaster;
		if (current == null || !current.isAlive()) {
			return List.of();
		}
		List<Long> pids = new ArrayList<>();
		pids.add(current.pid());
		current.descendants().forEach((child) -> pids.add(child.pid()));
		return pids;
	}

	/**
	 * Kills the postmaster with SIGKILL and then every server process it forked, as a
	 * crash of the whole server would: the next start recovers from the write-ahead log.
	 */
	@Override
	public void kill() {
		ProcessHandle current = this.postmaster;
		if (current == null) {
			return;
		}
		List<ProcessHandle> children = current.descendants().toList();
		current.destroyForcibly();
		children.forEach(ProcessHandle::destroyForcibly);
		awaitGone(current, children, Duration.ofSeconds(10));
	}

	/**
	 * Stops the server with its fast shutdown: open transactions are rolled back,
	 * everything committed stays.
	 */
	@Override
	public void stop() {
		ProcessHandle current = this.postmaster;
		if (this.server == null) {
			return;
		}
		List<ProcessHandle> children = (current != null) ? current.descendants().toList() : List.of();
		closeHandle();
		if (current != null && !awaitGone(current, children, Duration.ofSeconds(15))) {
			kill();
		}
	}

	@Override
	public String exitStatus() {
		return isAlive() ? "still running" : "its postmaster is gone";
	}

	@Override
	public Path logFile() {
		return this.logFile;
	}

	private void closeHandle() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean awaitGone(ProcessHandle postmaster, List<ProcessHandle> children, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (postmaster.isAlive() || children.stream().anyMatch(ProcessHandle::isAlive)) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/**
	 * The postmaster's process id, from the pid file it writes into its data directory.
	 */
	private Optional<Long> readPid() {
		try {
			String first = Files.readAllLines(this.dataDir.resolve("postmaster.pid")).get(0).trim();
			return Optional.of(Long.parseLong(first));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
