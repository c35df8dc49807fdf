package dev.cloudshop.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real Prometheus server, its own process, with the repository's configuration
 * ({@code observability/prometheus}): it finds every service instance through Eureka,
 * scrapes it, evaluates the recording rules and the alerts, and sends what fires to the
 * stack's Alertmanager. Its data stays between runs ({@code --reset} drops it).
 */
final class PrometheusServer extends ChildProcess {

	private final Path binary;

	private final Path configSource;

	private final Path home;

	private final int port;

	private final Map<String, String> addresses;

	/**
	 * @param binary the {@code prometheus} program
	 * @param configSource the repository's {@code observability/prometheus}
	 * @param home where its configuration and data go
	 * @param port where it listens
	 * @param eurekaPort the stack's Eureka
	 * @param alertmanagerPort the stack's Alertmanager
	 * @param logFile where its output goes
	 */
	PrometheusServer(Path binary, Path configSource, Path home, int port, int eurekaPort, int alertmanagerPort,
			Path logFile) {
		super(logFile, 10);
		this.binary = binary;
		this.configSource = configSource;
		this.home = home;
		this.port = port;
		// discovery-service does not register with itself: its target and instance label
		// are written out.
		this.addresses = Map.of("localhost:8761", "localhost:" + eurekaPort, "discovery-service:8761",
				"discovery-service:" + eurekaPort, "localhost:9090", "localhost:" + port, "localhost:9095",
				"localhost:" + alertmanagerPort);
	}

	@Override
	public String name() {
		return StackOptions.PROMETHEUS;
	}

	@Override
	public String address() {
		return url();
	}

	@Override
	public void start() {
		Path config = ConfigFiles.copy(this.configSource, this.home.resolve("config"), "prometheus.yml",
				this.addresses);
		launch(List.of(this.binary.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + this.home.resolve("data"), "--storage.tsdb.retention.time=7d",
				"--web.listen-address=127.0.0.1:" + this.port), Map.of(), this.home);
	}

	@Override
	public boolean isReady() {
		return answersOk(url() + "/-/ready");
	}

	/**
	 * Its UI and API, such as {@code /api/v1/targets}.
	 */
	String url() {
		return "http://localhost:" + this.port;
	}

	/**
	 * Where it keeps its time series.
	 */
	Path dataDir() {
		return this.home.resolve("data");
	}

}
