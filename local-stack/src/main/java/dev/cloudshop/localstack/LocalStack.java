package dev.cloudshop.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The whole suite on one machine without Docker: a real PostgreSQL server with one
 * database and role per service, a real Kafka broker in KRaft mode, Eureka, the business
 * services and the gateway, each its own process. Run {@link #main} (the README's
 * {@code ./local-stack.sh}) or drive it from tests through {@link #start}. Any one
 * process can be killed, stopped, paused, resumed and started again while the stack runs,
 * from a test through {@link #chaos} or from another terminal with
 * {@code ./local-stack.sh chaos}.
 */
public final class LocalStack implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	/**
	 * The least time the gateway gets to see every service once all processes are ready.
	 */
	private static final Duration ROUTE_WINDOW = Duration.ofMinutes(3);

	private final StackOptions options;

	private String lastRouteProbe = "none yet";

	private final String java;

	private final Map<String, List<ServiceInstance>> instances = new LinkedHashMap<>();

	private final Postgres postgres;

	private final KafkaBroker kafka;

	private final SmtpServer smtp;

	private final ProcessControl control;

	private final PidFile pidFile;

	private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");

	private final CountDownLatch stopped = new CountDownLatch(1);

	private ControlEndpoint endpoint;

	private Duration startupTime;

	private volatile boolean closed;

	private LocalStack(StackOptions options) {
		this.options = options;
		this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = launcherClasspath(options.projectDir());
		Path logs = options.logDir();
		this.postgres = new Postgres(options.workDir().resolve("postgres"), options.postgresPort(),
				logs.resolve("postgres.log"));
		this.kafka = new KafkaBroker(options.workDir().resolve("kafka"), options.kafkaPort(),
				options.kafkaControllerPort(), classpath, this.java, logs.resolve("kafka.log"));
		this.smtp = new SmtpServer(
				options.projectDir().resolve("local-stack/target/greenmail/greenmail-standalone.jar"),
				options.smtpPort(), options.smtpApiPort(), this.java, options.workDir(), logs.resolve("smtp.log"));
		for (SuiteService service : SuiteService.all()) {
			List<ServiceInstance> list = new ArrayList<>();
			for (int i = 0; i < options.instancesOf(service); i++) {
				int port = service.port(i, options.portOffset());
				list.add(new ServiceInstance(service, i, port, this.java, options.projectDir(),
						environmentOf(service, port), logs));
			}
			this.instances.put(service.name(), list);
		}
		this.pidFile = new PidFile(options.workDir(), options.projectDir());
		this.control = new ProcessControl(everyProcess(), options.readyTimeout(), chaosCommand(), this::say,
				this::recordPids);
	}

	/**
	 * The launcher's own classpath, which holds the Kafka broker: written by the build so
	 * it is the same whether the launcher runs from the script or inside a test.
	 */
	private static String launcherClasspath(Path projectDir) {
		Path target = projectDir.resolve("local-stack").resolve("target");
		try {
			return target.resolve("classes") + File.pathSeparator
					+ Files.readString(target.resolve("classpath.txt")).trim();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The local-stack module is not built; run ./mvnw -DskipTests package", ex);
		}
	}

	/**
	 * Starts every part and returns once each is ready and the gateway routes to every
	 * service.
	 * @param options how to start
	 * @return the running stack; close it to stop every process it started
	 */
	public static LocalStack start(StackOptions options) {
		LocalStack stack = new LocalStack(options);
		Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
		try {
			stack.startAll();
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	private void startAll() {
		long start = System.nanoTime();
		checkJarsAreBuilt();
		int leftovers = this.pidFile.stopLeftovers();
		if (leftovers > 0) {
			say("Stopped " + leftovers + " processes left over from an earlier run.");
		}
		if (this.options.reset()) {
			deleteRecursively(this.options.workDir().resolve("postgres"));
			deleteRecursively(this.options.workDir().resolve("kafka"));
			say("Reset: the data of earlier runs is gone.");
		}
		checkPortsAreFree();
		this.kafka.start();
		this.smtp.start();
		instancesOf(SuiteService.DISCOVERY).forEach(ServiceInstance::start);
		this.postgres.start();
		SuiteService.BUSINESS.forEach((service) -> service.databaseName().ifPresent(this.postgres::ensureDatabase));
		recordPids();
		say(String.format("  %-22s ready  %5.1f s  %s/<service database>", "postgres", seconds(start),
				this.postgres.address()));
		SuiteService.BUSINESS.forEach((service) -> instancesOf(service).forEach(ServiceInstance::start));
		instancesOf(SuiteService.GATEWAY).forEach(ServiceInstance::start);
		recordPids();
		List<StackProcess> starting = new ArrayList<>(everyProcess());
		starting.remove(this.postgres);
		awaitReady(start, starting);
		awaitRoutes(start);
		addCatalogImages(start);
		this.endpoint = new ControlEndpoint(this.control).start(this.options.controlPort());
		this.control.startWatching();
		this.startupTime = Duration.ofNanos(System.nanoTime() - start);
	}

	private Map<String, String> environmentOf(SuiteService service, int port) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PORT", String.valueOf(port));
		environment.put("EUREKA_URL", eurekaUrl() + "/eureka/");
		environment.put("KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers());
		environment.put("SMTP_HOST", "localhost");
		environment.put("SMTP_PORT", String.valueOf(this.smtp.smtpPort()));
		environment.put("IMAGE_MAX_CONCURRENT_DECODES", "1");
		service.databaseName().ifPresent((database) -> {
			environment.put("DB_URL", "jdbc:postgresql://localhost:" + this.options.postgresPort() + "/" + database);
			environment.put("DB_USER", database);
			environment.put("DB_PASSWORD", database);
			// Five services share one local server: a few connections each are plenty.
			environment.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "4");
			environment.put("SPRING_DATASOURCE_HIKARI_MINIMUMIDLE", "1");
		});
		return environment;
	}

	private void awaitReady(long start, List<StackProcess> processes) {
		long deadline = start + this.options.readyTimeout().toNanos();
		Set<StackProcess> waiting = new LinkedHashSet<>(processes);
		long lastReport = System.nanoTime();
		while (!waiting.isEmpty()) {
			for (StackProcess process : List.copyOf(waiting)) {
				failIfDead(process);
				if (process.isReady()) {
					waiting.remove(process);
					say(String.format("  %-22s ready  %5.1f s  %s", process.name(), seconds(start), process.address()));
				}
			}
			List<String> names = waiting.stream().map(StackProcess::name).toList();
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Not ready after " + this.options.readyTimeout().toSeconds() + " s: "
						+ names + ". Their logs are in " + this.options.logDir());
			}
			if (!waiting.isEmpty() && System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
				say(String.format("  ... %5.1f s, waiting for %s", seconds(start), String.join(", ", names)));
				lastReport = System.nanoTime();
			}
			sleep(250);
		}
	}

	/**
	 * Waits until the gateway reaches every service through Eureka: a service is only of
	 * use once all its instances are registered and the gateway has fetched the registry.
	 * The gateway is only asked once Eureka lists the service, so that the probes do not
	 * open its circuit breaker. Registration and registry fetches run on their own timers
	 * (seconds to a minute) once the processes are ready, so this wait gets its own
	 * window on top of whatever the start left of the ready timeout.
	 */
	private void awaitRoutes(long start) {
		long deadline = Math.max(start + this.options.readyTimeout().toNanos(),
				System.nanoTime() + ROUTE_WINDOW.toNanos());
		long lastReport = System.nanoTime();
		for (SuiteService service : SuiteService.BUSINESS) {
			int expected = instancesOf(service).size();
			if (expected == 0) {
				say(String.format("  %-22s left out: start it yourself, it registers with Eureka", service.name()));
				continue;
			}
			while (registeredInstances(service) < expected || !routes(service)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"The gateway does not reach " + service.name() + " " + Math.round(seconds(start))
									+ " s after the start (" + registeredInstances(service) + " of " + expected
									+ " instances registered in Eureka, the last probe through the gateway: "
									+ this.lastRouteProbe + "); see " + this.options.logDir());
				}
				if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
					say(String.format("  ... %5.1f s, waiting for the gateway to route to %s", seconds(start),
							service.name()));
					lastReport = System.nanoTime();
				}
				sleep(1000);
			}
		}
		say(String.format("  %-22s routes to every service  %5.1f s", "gateway", seconds(start)));
	}

	private void addCatalogImages(long start) {
		if (instancesOf(SuiteService.named("image-service")).isEmpty()
				|| instancesOf(SuiteService.named("inventory-service")).isEmpty()) {
			return;
		}
		try {
			int added = new CatalogImages(gatewayUrl(), instanceUrl("inventory-service", 0)).addMissing();
			if (added > 0) {
				say(String.format("  %-22s %d product pictures drawn and uploaded  %5.1f s", "catalog", added,
						seconds(start)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private int registeredInstances(SuiteService service) {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create(eurekaUrl() + "/eureka/apps/" + service.name().toUpperCase()))
					.header("Accept", "application/json")
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return 0;
			}
			return response.body().split("\"status\":\"UP\"", -1).length - 1;
		}
		catch (Exception ex) {
			return 0;
		}
	}

	private boolean routes(SuiteService service) {
		try {
			HttpResponse<Void> response = http
				.send(HttpRequest.newBuilder(URI.create(gatewayUrl() + service.routeProbe()))
					.timeout(Duration.ofSeconds(3))
					.build(), HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			this.lastRouteProbe = "HTTP " + status;
			return status != 502 && status != 503 && status != 504;
		}
		catch (Exception ex) {
			this.lastRouteProbe = ex.getClass().getSimpleName();
			return false;
		}
	}

	private void failIfDead(StackProcess process) {
		if (!process.isAlive()) {
			throw new IllegalStateException(process.name() + " ended (" + process.exitStatus()
					+ ") while starting. The end of " + process.logFile() + ":" + System.lineSeparator()
					+ ManagedProcess.tail(process.logFile(), 30));
		}
	}

	private void checkJarsAreBuilt() {
		List<String> missing = SuiteService.all()
			.stream()
			.map((service) -> this.options.projectDir()
				.resolve(service.name())
				.resolve("target")
				.resolve(service.name() + ".jar"))
			.filter((jar) -> !Files.exists(jar))
			.map(Path::toString)
			.toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException(
					"Not built yet: " + missing + ". Build with ./mvnw -DskipTests package (./local-stack.sh does).");
		}
	}

	private void checkPortsAreFree() {
		Ports ports = new Ports();
		ports.want(this.options.postgresPort(), "postgres");
		ports.want(this.options.kafkaPort(), "kafka");
		ports.want(this.options.kafkaControllerPort(), "the kafka controller");
		ports.want(this.options.smtpPort(), "smtp");
		ports.want(this.options.smtpApiPort(), "the smtp server's web API");
		ports.want(this.options.controlPort(), "the launcher's control endpoint (./local-stack.sh chaos)");
		allInstances().forEach((instance) -> ports.want(instance.port(), instance.label()));
		ports.checkFree();
	}

	// --- for tests and demos: chaos on the running stack ---

	/**
	 * Acts on one process of the running stack and waits until the action is done, the
	 * same as {@code ./local-stack.sh chaos <action> <target>} from another terminal.
	 * @param action kill (SIGKILL), stop (graceful), pause (SIGSTOP), resume (SIGCONT),
	 * start, or restart (kill, then start with the same arguments on the same data)
	 * @param target {@code postgres}, {@code kafka}, {@code smtp}, a service's first
	 * instance by its name ({@code payment-service}), a further one with its number
	 * ({@code inventory-service#2}); {@link #processes} lists them all
	 * @return what happened, in one line
	 * @throws IllegalArgumentException for an unknown target
	 * @throws IllegalStateException when the process is not in a state for the action or
	 * the action failed, such as a start that did not become ready
	 */
	public String chaos(ChaosAction action, String target) {
		return this.control.apply(action, target);
	}

	/**
	 * Every process of the stack with its pid and state, in start order.
	 */
	public List<ProcessStatus> processes() {
		return this.control.processes();
	}

	/**
	 * Stops every instance of a service the way an operator would (SIGTERM: it
	 * deregisters from Eureka and finishes its requests).
	 * @param serviceName the service
	 */
	public void stopService(String serviceName) {
		instancesOf(SuiteService.named(serviceName)).stream()
			.filter(ServiceInstance::isAlive)
			.forEach((instance) -> chaos(ChaosAction.STOP, instance.name()));
	}

	/**
	 * Kills every instance of a service at once (SIGKILL), as a crash would: it stays
	 * registered until Eureka evicts it.
	 * @param serviceName the service
	 */
	public void killService(String serviceName) {
		instancesOf(SuiteService.named(serviceName)).stream()
			.filter(ServiceInstance::isAlive)
			.forEach((instance) -> chaos(ChaosAction.KILL, instance.name()));
	}

	/**
	 * Starts every instance of a stopped service again and waits until each is ready.
	 * @param serviceName the service
	 */
	public void startService(String serviceName) {
		instancesOf(SuiteService.named(serviceName)).stream()
			.filter((instance) -> !instance.isAlive())
			.forEach((instance) -> chaos(ChaosAction.START, instance.name()));
	}

	/**
	 * Stops the Kafka broker; its data stays.
	 */
	public void stopKafka() {
		if (this.kafka.isAlive()) {
			chaos(ChaosAction.STOP, this.kafka.name());
		}
	}

	/**
	 * Starts the Kafka broker again on its data and waits until it answers.
	 */
	public void startKafka() {
		if (!this.kafka.isAlive()) {
			chaos(ChaosAction.START, this.kafka.name());
		}
	}

	public String gatewayUrl() {
		return instancesOf(SuiteService.GATEWAY).get(0).baseUrl();
	}

	public String eurekaUrl() {
		return "http://localhost:" + SuiteService.DISCOVERY.port(0, this.options.portOffset());
	}

	/**
	 * The SMTP server's REST API: {@code /api/user/<email>/messages/INBOX} lists what was
	 * sent to an address.
	 */
	public String mailApiUrl() {
		return this.smtp.apiUrl();
	}

	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	/**
	 * The JDBC URL of one service's database; the role and its password are the database
	 * name.
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.options.postgresPort() + "/" + database;
	}

	/**
	 * The base URL of one instance of a service, to reach it without the gateway.
	 */
	public String instanceUrl(String serviceName, int instance) {
		return instancesOf(SuiteService.named(serviceName)).get(instance).baseUrl();
	}

	public Duration startupTime() {
		return this.startupTime;
	}

	/**
	 * The memory all processes of the stack hold, as proportional set size (shared pages
	 * split between the processes that share them), from {@code /proc}.
	 * @return bytes, or 0 where {@code /proc} is not there
	 */
	public long residentMemoryBytes() {
		return pids().stream().mapToLong(LocalStack::proportionalSetSize).sum();
	}

	private List<Long> pids() {
		return everyProcess().stream().flatMap((process) -> process.pids().stream()).toList();
	}

	private static long proportionalSetSize(long pid) {
		try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
			return lines.filter((line) -> line.startsWith("Pss:"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
				.sum();
		}
		catch (IOException | UncheckedIOException | NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * Stops every process the stack started: the gateway first, the databases last.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		say("Stopping the gateway, the services, Kafka and PostgreSQL...");
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// Already shutting down: this is the hook.
		}
		this.control.stopWatching();
		if (this.endpoint != null) {
			quietly(this.endpoint::close);
		}
		// A paused process cannot act on its stop.
		quietly(this.control::resumeAll);
		List<ServiceInstance> reversed = new ArrayList<>(allInstances());
		Collections.reverse(reversed);
		reversed.parallelStream().forEach((instance) -> quietly(instance::stop));
		quietly(this.kafka::stop);
		quietly(this.smtp::stop);
		// After Ctrl-C the server may already be stopping on its own signal.
		quietly(this.postgres::stop);
		quietly(this.pidFile::delete);
		say("Stopped every process.");
		this.stopped.countDown();
	}

	/**
	 * Runs one shutdown step; a step that fails must not keep the others from running.
	 */
	private void quietly(Runnable step) {
		try {
			step.run();
		}
		catch (RuntimeException ex) {
			say("  (while stopping: " + ex.getMessage() + ")");
		}
	}

	private List<ServiceInstance> instancesOf(SuiteService service) {
		return this.instances.get(service.name());
	}

	private List<ServiceInstance> allInstances() {
		return this.instances.values().stream().flatMap(List::stream).toList();
	}

	/**
	 * Every process of the stack in start order: the servers, then the services.
	 */
	private List<StackProcess> everyProcess() {
		List<StackProcess> processes = new ArrayList<>(List.of(this.postgres, this.kafka, this.smtp));
		processes.addAll(allInstances());
		return processes;
	}

	private void recordPids() {
		this.pidFile.write(pids());
	}

	private void say(String line) {
		this.options.out().println(line);
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting", ex);
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

	/**
	 * Starts the stack, prints where everything is, and runs until Ctrl-C; or, with
	 * {@code chaos} first, acts on a process of the stack already running.
	 * @param args {@code --reset}, {@code --port-offset N},
	 * {@code --instances SERVICE=N}; or {@code chaos ...}, see {@link ChaosCommand}
	 */
	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("chaos")) {
			System.exit(ChaosCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
			return;
		}
		StackOptions options;
		try {
			options = LaunchArguments.parse(args, StackOptions.defaults(Path.of("").toAbsolutePath()));
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(LaunchArguments.USAGE);
			System.exit(2);
			return;
		}
		if (options == null) {
			System.out.println(LaunchArguments.USAGE);
			return;
		}
		System.out.println("Starting the suite (data and logs in " + options.workDir() + ")");
		LocalStack stack;
		try {
			stack = start(options);
		}
		catch (RuntimeException ex) {
			System.err.println();
			System.err.println("The local stack did not start: " + ex.getMessage());
			System.exit(1);
			return;
		}
		stack.printSummary();
		stack.awaitClose();
	}

	private void printSummary() {
		String url = gatewayUrl();
		say("");
		say(String.format("All healthy in %.1f s; the stack holds %d MiB of memory (PSS, all %d processes).",
				this.startupTime.toMillis() / 1000.0, residentMemoryBytes() / (1024 * 1024), pids().size()));
		say("");
		say("  Gateway (the shop's API)   " + url);
		say("    products                 " + url + "/api/products");
		say("    orders                   " + url + "/api/orders?customerId=...");
		say("    payments                 " + url + "/api/payments?orderId=...");
		say("    notifications            " + url + "/api/notifications?orderId=...");
		say("    images                   " + url + "/api/images?owner=...");
		say("  Eureka dashboard           " + eurekaUrl());
		say("  Health of each service");
		allInstances().forEach(
				(instance) -> say(String.format("    %-24s %s/actuator/health", instance.label(), instance.baseUrl())));
		say("  PostgreSQL                 " + jdbcUrl("<database>") + "  (role and password = database name)");
		say("  Kafka                      " + this.kafka.bootstrapServers() + "  (topic order-events)");
		say("  Emails sent (SMTP server)  " + mailApiUrl() + "/api/user/<email>/messages/INBOX");
		say("  Logs                       " + this.options.logDir());
		say("  Chaos experiments          " + chaosCommand() + " list   (kill, stop, pause, resume, start, restart"
				+ " any process)");
		say("");
		say("Press Ctrl-C to stop everything.");
	}

	private String chaosCommand() {
		return "./local-stack.sh chaos"
				+ ((this.options.portOffset() != 0) ? " --port-offset " + this.options.portOffset() : "");
	}

	/**
	 * Runs until Ctrl-C; the process watch reports any process that dies meanwhile.
	 */
	private void awaitClose() {
		try {
			this.stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
