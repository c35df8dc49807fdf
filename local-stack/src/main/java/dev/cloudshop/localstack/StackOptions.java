package dev.cloudshop.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to start a local stack.
 *
 * @param projectDir the root of the checkout, where each service's jar is built
 * @param workDir where data and logs go
 * @param portOffset added to every port, so a second stack (the end-to-end tests) can run
 * beside the one a developer uses
 * @param instances how many instances of a service to start, for those with more than one
 * @param reset whether to throw away the data of earlier runs first
 * @param readyTimeout how long every process together may take to become ready; on two
 * busy cores a first start can take several times what it takes on a quiet machine, and
 * the wait ends as soon as everything is ready, so the default is generous
 * @param out where progress goes
 * @param serversLeftOut the optional servers not to start: {@value #ZIPKIN},
 * {@value #PROMETHEUS}, {@value #ALERTMANAGER}
 */
public record StackOptions(Path projectDir, Path workDir, int portOffset, Map<String, Integer> instances, boolean reset,
		Duration readyTimeout, PrintStream out, Set<String> serversLeftOut) {

	static final String ZIPKIN = "zipkin";

	static final String PROMETHEUS = "prometheus";

	static final String ALERTMANAGER = "alertmanager";

	/**
	 * The servers a stack can do without: the services keep working, only what they show
	 * (traces, metrics, alerts) is not there.
	 */
	static final Set<String> OPTIONAL_SERVERS = Set.of(ZIPKIN, PROMETHEUS, ALERTMANAGER);

	public StackOptions {
		instances = Map.copyOf(instances);
		instances.keySet().forEach(SuiteService::named);
		serversLeftOut = Set.copyOf(serversLeftOut);
		serversLeftOut.forEach((server) -> {
			if (!OPTIONAL_SERVERS.contains(server)) {
				throw new IllegalArgumentException(
						"Not an optional server: " + server + " (one of " + new TreeSet<>(OPTIONAL_SERVERS) + ")");
			}
		});
	}

	/**
	 * The defaults for a checkout: data and logs in {@code .local-stack}, the usual
	 * ports, one instance each.
	 * @param projectDir the root of the checkout
	 * @return the options
	 */
	public static StackOptions defaults(Path projectDir) {
		return new StackOptions(projectDir, projectDir.resolve(".local-stack"), 0, Map.of(), false,
				Duration.ofMinutes(10), System.out, Set.of());
	}

	public StackOptions withWorkDir(Path workDir) {
		return new StackOptions(this.projectDir, workDir, this.portOffset, this.instances, this.reset,
				this.readyTimeout, this.out, this.serversLeftOut);
	}

	public StackOptions withPortOffset(int portOffset) {
		return new StackOptions(this.projectDir, this.workDir, portOffset, this.instances, this.reset,
				this.readyTimeout, this.out, this.serversLeftOut);
	}

	public StackOptions withInstances(String service, int count) {
		Map<String, Integer> more = new LinkedHashMap<>(this.instances);
		more.put(service, count);
		return new StackOptions(this.projectDir, this.workDir, this.portOffset, more, this.reset, this.readyTimeout,
				this.out, this.serversLeftOut);
	}

	public StackOptions withReset(boolean reset) {
		return new StackOptions(this.projectDir, this.workDir, this.portOffset, this.instances, reset,
				this.readyTimeout, this.out, this.serversLeftOut);
	}

	public StackOptions withOut(PrintStream out) {
		return new StackOptions(this.projectDir, this.workDir, this.portOffset, this.instances, this.reset,
				this.readyTimeout, out, this.serversLeftOut);
	}

	/**
	 * The same options with one optional server left out.
	 * @param server {@value #ZIPKIN}, {@value #PROMETHEUS} or {@value #ALERTMANAGER}
	 * @return the options
	 */
	public StackOptions without(String server) {
		Set<String> leftOut = new TreeSet<>(this.serversLeftOut);
		leftOut.add(server);
		return new StackOptions(this.projectDir, this.workDir, this.portOffset, this.instances, this.reset,
				this.readyTimeout, this.out, leftOut);
	}

	boolean runs(String server) {
		return !this.serversLeftOut.contains(server);
	}

	int instancesOf(SuiteService service) {
		return this.instances.getOrDefault(service.name(), 1);
	}

	int postgresPort() {
		return 5432 + this.portOffset;
	}

	int kafkaPort() {
		return 9092 + this.portOffset;
	}

	int kafkaControllerPort() {
		return 9093 + this.portOffset;
	}

	int smtpPort() {
		return 3025 + this.portOffset;
	}

	int smtpApiPort() {
		return 8025 + this.portOffset;
	}

	int zipkinPort() {
		return 9411 + this.portOffset;
	}

	int prometheusPort() {
		return 9090 + this.portOffset;
	}

	/**
	 * Not Alertmanager's usual 9093: Kafka's controller listens there.
	 */
	int alertmanagerPort() {
		return 9095 + this.portOffset;
	}

	/**
	 * Where the launcher receives Alertmanager's chat messages (the URL in
	 * {@code observability/alertmanager/alertmanager.yml}).
	 */
	int alertWebhookPort() {
		return 9099 + this.portOffset;
	}

	int controlPort() {
		return controlPort(this.portOffset);
	}

	/**
	 * The port of the launcher's control endpoint, which {@code ./local-stack.sh chaos}
	 * talks to.
	 */
	static int controlPort(int portOffset) {
		return 8099 + portOffset;
	}

	Path logDir() {
		return this.workDir.resolve("logs");
	}

	String eurekaUrl() {
		return "http://localhost:" + SuiteService.DISCOVERY.port(0, this.portOffset);
	}

	/**
	 * The JDBC URL of one service's database.
	 */
	String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + postgresPort() + "/" + database;
	}

	/**
	 * The chaos door's command line for this stack, for the hints the launcher prints.
	 */
	String chaosCommand() {
		return "./local-stack.sh chaos" + ((this.portOffset != 0) ? " --port-offset " + this.portOffset : "");
	}

}
