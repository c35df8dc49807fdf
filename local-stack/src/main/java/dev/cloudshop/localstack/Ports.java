package dev.cloudshop.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks up front that every port the stack needs is free, so a clash is one clear
 * message instead of a service failing half-way through start-up.
 */
final class Ports {

	private final Map<Integer, String> wanted = new LinkedHashMap<>();

	/**
	 * Every port a stack wants, each by who wants it, as its messages name them.
	 * @param options how the stack starts
	 * @param instances its service instances
	 * @return the ports, to check
	 */
	static Ports of(StackOptions options, List<ServiceInstance> instances) {
		Ports ports = new Ports();
		ports.want(options.postgresPort(), "postgres");
		ports.want(options.kafkaPort(), "kafka");
		ports.want(options.kafkaControllerPort(), "the kafka controller");
		ports.want(options.smtpPort(), "smtp");
		ports.want(options.smtpApiPort(), "the smtp server's web API");
		ports.want(options.zipkinPort(), "zipkin");
		ports.want(options.prometheusPort(), "prometheus");
		ports.want(options.alertmanagerPort(), "alertmanager");
		ports.want(options.alertWebhookPort(), "the alert webhook (Alertmanager's chat messages)");
		ports.want(options.controlPort(), "the launcher's control endpoint (./local-stack.sh chaos)");
		instances.forEach((instance) -> ports.want(instance.port(), instance.label()));
		return ports;
	}

	void want(int port, String who) {
		String earlier = this.wanted.putIfAbsent(port, who);
		if (earlier != null) {
			throw new IllegalArgumentException("Port " + port + " is wanted by both " + earlier + " and " + who);
		}
	}

	/**
	 * @throws PortInUseException naming every port in use and who wanted it
	 */
	void checkFree() {
		List<String> clashes = new ArrayList<>();
		this.wanted.forEach((port, who) -> {
			if (!isFree(port)) {
				clashes.add("port " + port + " (wanted by " + who + ")");
			}
		});
		if (!clashes.isEmpty()) {
			throw new PortInUseException("Already in use: " + String.join(", ", clashes)
					+ ". Stop what holds them (`ss -ltnp` shows it; an earlier local stack is stopped with Ctrl-C)"
					+ " or start with --port-offset N to move every port by N.");
		}
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		}
		catch (IOException ex) {
			return false;
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * A port the stack needs is taken.
	 */
	static class PortInUseException extends RuntimeException {

		PortInUseException(String message) {
			super(message);
		}

	}

}
