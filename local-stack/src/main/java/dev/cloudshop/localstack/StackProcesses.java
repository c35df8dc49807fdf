package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Every process of one stack, configured to find each other: PostgreSQL, Kafka, the SMTP
 * server, Zipkin, Prometheus and Alertmanager (when the machine has them) and each
 * service instance. It knows the order they start in and stops them in the reverse one;
 * when each starts, and what it waits for, is the launcher's business.
 */
final class StackProcesses {

	private final Postgres postgres;

	private final KafkaBroker kafka;

	private final SmtpServer smtp;

	private final Optional<ZipkinServer> zipkin;

	private final Optional<PrometheusServer> prometheus;

	private final Optional<AlertmanagerServer> alertmanager;

	private final Map<String, List<ServiceInstance>> instances;

	private final List<Path> dataDirs;

	private final List<String> leftOut;

	private StackProcesses(Postgres postgres, KafkaBroker kafka, SmtpServer smtp, Optional<ZipkinServer> zipkin,
			Optional<PrometheusServer> prometheus, Optional<AlertmanagerServer> alertmanager,
			Map<String, List<ServiceInstance>> instances, List<Path> dataDirs, List<String> leftOut) {
		this.postgres = postgres;
		this.kafka = kafka;
		this.smtp = smtp;
		this.zipkin = zipkin;
		this.prometheus = prometheus;
		this.alertmanager = alertmanager;
		this.instances = instances;
		this.dataDirs = dataDirs;
		this.leftOut = leftOut;
	}

	/**
	 * The processes a stack with these options runs; none of them is started yet.
	 * @param options how to start
	 * @param checkout where the build left what the processes run
	 * @return the processes
	 * @throws IllegalStateException when the local-stack module is not built
	 */
	static StackProcesses of(StackOptions options, Checkout checkout) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = checkout.launcherClasspath();
		Path logs = options.logDir();
		Path postgresData = options.workDir().resolve("postgres");
		Path kafkaHome = options.workDir().resolve("kafka");
		Postgres postgres = new Postgres(postgresData, options.postgresPort(), logs.resolve("postgres.log"));
		KafkaBroker kafka = new KafkaBroker(kafkaHome, options.kafkaPort(), options.kafkaControllerPort(), classpath,
				java, logs.resolve("kafka.log"));
		SmtpServer smtp = new SmtpServer(checkout.smtpServerJar(), options.smtpPort(), options.smtpApiPort(), java,
				options.workDir(), logs.resolve("smtp.log"));
		List<String> leftOut = new ArrayList<>();
		Optional<ZipkinServer> zipkin = options.runs(StackOptions.ZIPKIN)
				? Optional.of(new ZipkinServer(checkout.zipkinServerJar(), options.zipkinPort(), java,
						options.workDir(), logs.resolve("zipkin.log")))
				: Optional.empty();
		if (zipkin.isEmpty()) {
			leftOut.add("Zipkin: left out (--without zipkin); the services record no traces");
		}
		Optional<PrometheusServer> prometheus = optional(options, StackOptions.PROMETHEUS, leftOut,
				"apt install prometheus, or brew install prometheus", List.of("prometheus"))
			.map((binary) -> new PrometheusServer(binary, checkout.observabilityDir().resolve("prometheus"),
					options.workDir().resolve("prometheus"), options.prometheusPort(),
					SuiteService.DISCOVERY.port(0, options.portOffset()), options.alertmanagerPort(),
					logs.resolve("prometheus.log")));
		Optional<AlertmanagerServer> alertmanager = optional(options, StackOptions.ALERTMANAGER, leftOut,
				"apt install prometheus-alertmanager, or brew install alertmanager",
				List.of("prometheus-alertmanager", "alertmanager"))
			.map((binary) -> new AlertmanagerServer(binary, checkout.observabilityDir().resolve("alertmanager"),
					options.workDir().resolve("alertmanager"), options.alertmanagerPort(), options.alertWebhookPort(),
					logs.resolve("alertmanager.log")));
		Map<String, List<ServiceInstance>> instances = new LinkedHashMap<>();
		for (SuiteService service : SuiteService.all()) {
			List<ServiceInstance> list = new ArrayList<>();
			for (int i = 0; i < options.instancesOf(service); i++) {
				int port = service.port(i, options.portOffset());
				list.add(new ServiceInstance(service, i, port, java, options.projectDir(),
						environmentOf(service, port, options, kafka, smtp, zipkin), logs,
						options.workDir().resolve("jars")));
			}
			instances.put(service.name(), list);
		}
		List<Path> dataDirs = new ArrayList<>(List.of(postgresData, kafkaHome));
		prometheus.ifPresent((server) -> dataDirs.add(server.dataDir()));
		alertmanager.ifPresent((server) -> dataDirs.add(server.dataDir()));
		return new StackProcesses(postgres, kafka, smtp, zipkin, prometheus, alertmanager, instances, dataDirs,
				leftOut);
	}

	/**
	 * A server the stack runs when the machine has its program and it is not left out.
	 */
	private static Optional<Path> optional(StackOptions options, String server, List<String> leftOut, String install,
			List<String> programs) {
		if (!options.runs(server)) {
			leftOut.add(displayName(server) + ": left out (--without " + server + ")");
			return Optional.empty();
		}
		Optional<Path> binary = Executables.onPath(programs.toArray(String[]::new));
		if (binary.isEmpty()) {
			leftOut.add(displayName(server) + ": not started, " + String.join(" or ", programs)
					+ " is not on the PATH (" + install + ")");
		}
		return binary;
	}

	private static String displayName(String server) {
		return Character.toUpperCase(server.charAt(0)) + server.substring(1);
	}

	private static Map<String, String> environmentOf(SuiteService service, int port, StackOptions options,
			KafkaBroker kafka, SmtpServer smtp, Optional<ZipkinServer> zipkin) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PORT", String.valueOf(port));
		environment.put("EUREKA_URL", options.eurekaUrl() + "/eureka/");
		environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
		environment.put("SMTP_HOST", "localhost");
		environment.put("SMTP_PORT", String.valueOf(smtp.smtpPort()));
		environment.put("IMAGE_MAX_CONCURRENT_DECODES", "1");
		// Every span of every service goes to the stack's Zipkin.
		zipkin.ifPresent((server) -> environment.put("CLOUDSHOP_TRACING_ZIPKIN_ENDPOINT", server.spansEndpoint()));
		service.databaseName().ifPresent((database) -> {
			environment.put("DB_URL", options.jdbcUrl(database));
			environment.put("DB_USER", database);
			environment.put("DB_PASSWORD", database);
			// Five services share one local server: a few connections each are plenty.
			environment.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "4");
			environment.put("SPRING_DATASOURCE_HIKARI_MINIMUMIDLE", "1");
		});
		return environment;
	}

	Postgres postgres() {
		return this.postgres;
	}

	KafkaBroker kafka() {
		return this.kafka;
	}

	SmtpServer smtp() {
		return this.smtp;
	}

	Optional<ZipkinServer> zipkin() {
		return this.zipkin;
	}

	Optional<PrometheusServer> prometheus() {
		return this.prometheus;
	}

	Optional<AlertmanagerServer> alertmanager() {
		return this.alertmanager;
	}

	/**
	 * The optional servers this stack runs without, each with why.
	 */
	List<String> leftOut() {
		return this.leftOut;
	}

	/**
	 * The instances of one service; none for a service left out.
	 */
	List<ServiceInstance> instancesOf(SuiteService service) {
		return this.instances.get(service.name());
	}

	/**
	 * Every service instance, in start order.
	 */
	List<ServiceInstance> instances() {
		return this.instances.values().stream().flatMap(List::stream).toList();
	}

	/**
	 * Every process in start order: the servers, then the services.
	 */
	List<StackProcess> all() {
		List<StackProcess> processes = new ArrayList<>(List.of(this.postgres, this.kafka, this.smtp));
		this.zipkin.ifPresent(processes::add);
		this.prometheus.ifPresent(processes::add);
		this.alertmanager.ifPresent(processes::add);
		processes.addAll(instances());
		return processes;
	}

	/**
	 * The operating system's processes of them all, a server's forks included.
	 */
	List<Long> pids() {
		return all().stream().flatMap((process) -> process.pids().stream()).toList();
	}

	/**
	 * Throws away what PostgreSQL and Kafka kept from earlier runs; only while neither
	 * runs.
	 */
	void deleteData() {
		this.dataDirs.forEach(StackProcesses::deleteRecursively);
	}

	/**
	 * Stops every process: the gateway first, then the services (in parallel), Kafka, the
	 * SMTP server, Zipkin, Prometheus, Alertmanager and PostgreSQL last. A stop that
	 * fails does not keep the others from running.
	 * @param failed told about each stop that failed
	 */
	void stopAll(Consumer<RuntimeException> failed) {
		List<ServiceInstance> reversed = new ArrayList<>(instances());
		Collections.reverse(reversed);
		reversed.parallelStream().forEach((instance) -> quietly(instance::stop, failed));
		quietly(this.kafka::stop, failed);
		quietly(this.smtp::stop, failed);
		this.zipkin.ifPresent((server) -> quietly(server::stop, failed));
		this.prometheus.ifPresent((server) -> quietly(server::stop, failed));
		this.alertmanager.ifPresent((server) -> quietly(server::stop, failed));
		// After Ctrl-C the server may already be stopping on its own signal.
		quietly(this.postgres::stop, failed);
	}

	private static void quietly(Runnable step, Consumer<RuntimeException> failed) {
		try {
			step.run();
		}
		catch (RuntimeException ex) {
			failed.accept(ex);
		}
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
