package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka 4 broker in KRaft mode (broker and controller in one node), run from the
 * Kafka jars on Maven Central as its own JVM, its log directory kept in the work
 * directory so events survive a restart.
 */
final class KafkaBroker extends ChildProcess {

	private final Path home;

	private final int port;

	private final int controllerPort;

	private final String classpath;

	private final String java;

	KafkaBroker(Path home, int port, int controllerPort, String classpath, String java, Path logFile) {
		super(logFile, 30);
		this.home = home;
		this.port = port;
		this.controllerPort = controllerPort;
		this.classpath = classpath;
		this.java = java;
	}

	@Override
	public String name() {
		return "kafka";
	}

	@Override
	public String address() {
		return bootstrapServers();
	}

	String bootstrapServers() {
		return "localhost:" + this.port;
	}

	/**
	 * Starts the broker on the log directory it has, formatting its storage on the first
	 * start.
	 */
	@Override
	public void start() {
		try {
			Files.createDirectories(this.home.resolve("data"));
			Path config = writeConfig();
			if (!Files.exists(this.home.resolve("data").resolve("meta.properties"))) {
				format(config);
			}
			launch(command("kafka.Kafka", config.toString()), Map.of(), this.home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare Kafka in " + this.home, ex);
		}
	}

	private void format(Path config) {
		ManagedProcess format = ManagedProcess.start("kafka-storage-format", command("kafka.tools.StorageTool",
				"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()), Map.of(),
				this.home, logFile());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (format.isAlive() && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(200));
		}
		if (format.isAlive() || format.exitCode() != 0) {
			format.kill();
			throw new IllegalStateException(
					"Formatting Kafka's storage failed:" + System.lineSeparator() + format.logTail(20));
		}
	}

	private List<String> command(String mainClass, String... args) {
		var command = new java.util.ArrayList<>(
				List.of(this.java, "-Xms128m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
						"-Dlog4j2.configurationFile=kafka-log4j2.xml", "-cp", this.classpath, mainClass));
		command.addAll(List.of(args));
		return command;
	}

	private Path writeConfig() throws IOException {
		Properties properties = new Properties();
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", "1");
		properties.setProperty("controller.quorum.voters", "1@localhost:" + this.controllerPort);
		properties.setProperty("listeners",
				"PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + this.controllerPort);
		properties.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + this.port);
		properties.setProperty("controller.listener.names", "CONTROLLER");
		properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
		properties.setProperty("log.dirs", this.home.resolve("data").toString());
		// A single node: every internal topic has one replica.
		properties.setProperty("offsets.topic.replication.factor", "1");
		properties.setProperty("transaction.state.log.replication.factor", "1");
		properties.setProperty("transaction.state.log.min.isr", "1");
		properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
		properties.setProperty("share.coordinator.state.topic.min.isr", "1");
		properties.setProperty("num.partitions", "3");
		// Consumers join at once instead of waiting 3 s for more members.
		properties.setProperty("group.initial.rebalance.delay.ms", "0");
		Path config = this.home.resolve("server.properties");
		try (var writer = Files.newBufferedWriter(config)) {
			properties.store(writer, "Written by the local stack on every start");
		}
		return config;
	}

	/**
	 * Whether the broker answers a metadata request.
	 */
	@Override
	public boolean isReady() {
		if (!isAlive()) {
			return false;
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1500, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				1500))) {
			admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
