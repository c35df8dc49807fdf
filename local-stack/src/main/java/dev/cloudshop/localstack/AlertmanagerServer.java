package dev.cloudshop.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real Alertmanager, its own process, with the repository's configuration
 * ({@code observability/alertmanager}): it groups what Prometheus fires, holds back the
 * alerts one cause brings downstream, and posts each message to the chat webhook, here
 * the launcher's own {@link AlertWebhook}.
 */
final class AlertmanagerServer extends ChildProcess {

	private final Path binary;

	private final Path configSource;

	private final Path home;

	private final int port;

	private final Map<String, String> addresses;

	/**
	 * @param binary the {@code alertmanager} program
	 * @param configSource the repository's {@code observability/alertmanager}
	 * @param home where its configuration and data (silences, what it has notified) go
	 * @param port where it listens
	 * @param webhookPort where the chat webhook listens
	 * @param logFile where its output goes
	 */
	AlertmanagerServer(Path binary, Path configSource, Path home, int port, int webhookPort, Path logFile) {
		super(logFile, 10);
		this.binary = binary;
		this.configSource = configSource;
		this.home = home;
		this.port = port;
		this.addresses = Map.of("127.0.0.1:9099", "127.0.0.1:" + webhookPort);
	}

	@Override
	public String name() {
		return StackOptions.ALERTMANAGER;
	}

	@Override
	public String address() {
		return url();
	}

	@Override
	public void start() {
		Path config = ConfigFiles.copy(this.configSource, this.home.resolve("config"), "alertmanager.yml",
				this.addresses);
		// No cluster: one Alertmanager, and no gossip port to clash with a second stack.
		launch(List.of(this.binary.toString(), "--config.file=" + config, "--storage.path=" + this.home.resolve("data"),
				"--web.listen-address=127.0.0.1:" + this.port, "--cluster.listen-address="), Map.of(), this.home);
	}

	@Override
	public boolean isReady() {
		return answersOk(url() + "/-/ready");
	}

	/**
	 * Its UI and API, such as {@code /api/v2/alerts}.
	 */
	String url() {
		return "http://localhost:" + this.port;
	}

	Path dataDir() {
		return this.home.resolve("data");
	}

}
