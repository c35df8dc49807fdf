package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

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

	/**
	 * The least time the gateway gets to see every service once all processes are ready.
	 */
	private static final Duration ROUTE_WINDOW = Duration.ofMinutes(3);

	private final StackOptions options;

	private final Checkout checkout;

	private final StackProcesses processes;

	private final ProcessControl control;

	private final PidFile pidFile;

	private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");

	private final CountDownLatch stopped = new CountDownLatch(1);

	private ControlEndpoint endpoint;

	private final AlertWebhook alertWebhook = new AlertWebhook(this::say);

	private Duration startupTime;

	private volatile boolean closed;

	private LocalStack(StackOptions options) {
		this.options = options;
		this.checkout = new Checkout(options.projectDir());
		this.processes = StackProcesses.of(options, this.checkout);
		this.pidFile = new PidFile(options.workDir(), options.projectDir());
		this.control = new ProcessControl(this.processes.all(), options.readyTimeout(), options.chaosCommand(),
				this::say, this::recordPids);
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
		Readiness readiness = new Readiness(this.options.readyTimeout(), ROUTE_WINDOW, this.options.logDir(),
				this::say);
		this.checkout.requireServiceJars();
		int leftovers = this.pidFile.stopLeftovers();
		if (leftovers > 0) {
			say("Stopped " + leftovers + " processes left over from an earlier run.");
		}
		if (this.options.reset()) {
			this.processes.deleteData();
			say("Reset: the data of earlier runs is gone.");
		}
		Ports.of(this.options, this.processes.instances()).checkFree();
		Postgres postgres = this.processes.postgres();
		this.processes.kafka().start();
		this.processes.smtp().start();
		this.processes.zipkin().ifPresent(ZipkinServer::start);
		this.processes.leftOut().forEach((line) -> say("  " + line));
		instancesOf(SuiteService.DISCOVERY).forEach(ServiceInstance::start);
		postgres.start();
		SuiteService.BUSINESS.forEach((service) -> service.databaseName().ifPresent(postgres::ensureDatabase));
		recordPids();
		readiness.ready(postgres.name(), postgres.address() + "/<service database>");
		SuiteService.BUSINESS.forEach((service) -> instancesOf(service).forEach(ServiceInstance::start));
		instancesOf(SuiteService.GATEWAY).forEach(ServiceInstance::start);
		recordPids();
		List<StackProcess> starting = new ArrayList<>(this.processes.all());
		starting.remove(postgres);
		List<StackProcess> monitoring = monitoring();
		starting.removeAll(monitoring);
		readiness.awaitProcesses(starting);
		Map<SuiteService, Integer> instances = new LinkedHashMap<>();
		SuiteService.BUSINESS.forEach((service) -> instances.put(service, instancesOf(service).size()));
		readiness.awaitRoutes(new GatewayRoutes(eurekaUrl(), gatewayUrl()), instances);
		startMonitoring(monitoring, readiness);
		addCatalogImages(readiness);
		this.endpoint = new ControlEndpoint(this.control).start(this.options.controlPort());
		this.control.startWatching();
		this.startupTime = readiness.elapsed();
	}

	/**
	 * Prometheus and Alertmanager, where the machine has them.
	 */
	private List<StackProcess> monitoring() {
		List<StackProcess> monitoring = new ArrayList<>();
		this.processes.alertmanager().ifPresent(monitoring::add);
		this.processes.prometheus().ifPresent(monitoring::add);
		return monitoring;
	}

	/**
	 * Starts Prometheus and Alertmanager once the services serve: a service that is still
	 * starting is not down, and must not page anyone.
	 */
	private void startMonitoring(List<StackProcess> monitoring, Readiness readiness) {
		if (monitoring.isEmpty()) {
			return;
		}
		if (this.processes.alertmanager().isPresent()) {
			this.alertWebhook.start(this.options.alertWebhookPort());
		}
		monitoring.forEach(StackProcess::start);
		recordPids();
		readiness.awaitProcesses(monitoring);
	}

	private void addCatalogImages(Readiness readiness) {
		if (instancesOf(SuiteService.named("image-service")).isEmpty()
				|| instancesOf(SuiteService.named("inventory-service")).isEmpty()) {
			return;
		}
		try {
			int added = new CatalogImages(gatewayUrl(), instanceUrl("inventory-service", 0)).addMissing();
			if (added > 0) {
				say(String.format("  %-22s %d product pictures drawn and uploaded  %5.1f s", "catalog", added,
						readiness.seconds()));
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
		if (this.processes.kafka().isAlive()) {
			chaos(ChaosAction.STOP, this.processes.kafka().name());
		}
	}

	/**
	 * Starts the Kafka broker again on its data and waits until it answers.
	 */
	public void startKafka() {
		if (!this.processes.kafka().isAlive()) {
			chaos(ChaosAction.START, this.processes.kafka().name());
		}
	}

	public String gatewayUrl() {
		return instancesOf(SuiteService.GATEWAY).get(0).baseUrl();
	}

	public String eurekaUrl() {
		return this.options.eurekaUrl();
	}

	/**
	 * The SMTP server's REST API: {@code /api/user/<email>/messages/INBOX} lists what was
	 * sent to an address.
	 */
	public String mailApiUrl() {
		return this.processes.smtp().apiUrl();
	}

	/**
	 * The Zipkin server's UI and API: {@code /api/v2/traces?serviceName=order-service}
	 * lists traces.
	 * @throws IllegalStateException when the stack runs without Zipkin
	 */
	public String zipkinUrl() {
		return runningZipkinUrl().orElseThrow(() -> new IllegalStateException("This stack runs without Zipkin"));
	}

	Optional<String> runningZipkinUrl() {
		return this.processes.zipkin().map(ZipkinServer::url);
	}

	/**
	 * Prometheus' UI and API ({@code /api/v1/targets}, {@code /api/v1/query}), when the
	 * machine has it.
	 */
	public Optional<String> prometheusUrl() {
		return this.processes.prometheus().map(PrometheusServer::url);
	}

	/**
	 * Alertmanager's UI and API ({@code /api/v2/alerts}), when the machine has it.
	 */
	public Optional<String> alertmanagerUrl() {
		return this.processes.alertmanager().map(AlertmanagerServer::url);
	}

	/**
	 * Every chat message Alertmanager posted to the stack's webhook so far, oldest first.
	 */
	public List<ChatMessage> alertMessages() {
		return this.alertWebhook.received();
	}

	/**
	 * Where Alertmanager posts its chat messages, printed by the launcher as they come.
	 */
	String alertWebhookUrl() {
		return "http://127.0.0.1:" + this.options.alertWebhookPort() + "/hooks/";
	}

	/**
	 * The optional servers this stack runs without, each with why.
	 */
	List<String> serversLeftOut() {
		return this.processes.leftOut();
	}

	public String kafkaBootstrapServers() {
		return this.processes.kafka().bootstrapServers();
	}

	/**
	 * The JDBC URL of one service's database; the role and its password are the database
	 * name.
	 */
	public String jdbcUrl(String database) {
		return this.options.jdbcUrl(database);
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
		return ProcessMemory.proportionalSetSize(pids());
	}

	/**
	 * The operating system's processes of the stack, a server's forks included.
	 */
	List<Long> pids() {
		return this.processes.pids();
	}

	/**
	 * Every service instance, in start order.
	 */
	List<ServiceInstance> instances() {
		return this.processes.instances();
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
		this.processes.stopAll(this::stopFailed);
		quietly(this.alertWebhook::close);
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
			stopFailed(ex);
		}
	}

	private void stopFailed(RuntimeException ex) {
		say("  (while stopping: " + ex.getMessage() + ")");
	}

	/**
	 * Runs until the stack is closed, by Ctrl-C or otherwise; the process watch reports
	 * any process that dies meanwhile.
	 */
	void awaitClose() {
		try {
			this.stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<ServiceInstance> instancesOf(SuiteService service) {
		return this.processes.instancesOf(service);
	}

	private void recordPids() {
		this.pidFile.write(pids());
	}

	private void say(String line) {
		this.options.out().println(line);
	}

	/**
	 * Starts the stack, prints where everything is, and runs until Ctrl-C; or, with
	 * {@code chaos} first, acts on a process of the stack already running.
	 * @param args {@code --reset}, {@code --port-offset N},
	 * {@code --instances SERVICE=N}, {@code --without SERVICE} (a business service, or
	 * {@code zipkin}, {@code prometheus}, {@code alertmanager}); or {@code chaos ...},
	 * see {@link ChaosCommand}
	 */
	public static void main(String[] args) {
		LaunchCommand.main(args);
	}

}
