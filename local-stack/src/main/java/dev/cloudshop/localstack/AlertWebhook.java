package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The chat channel of a stack on one machine: a Slack-compatible incoming webhook on
 * 127.0.0.1 that Alertmanager posts its messages to ({@code /hooks/cloudshop} for pages,
 * {@code /hooks/cloudshop-tickets} for tickets). The launcher prints each message's title
 * and keeps every message, so a test can read what reached the channel.
 */
final class AlertWebhook implements AutoCloseable {

	private final List<ChatMessage> received = new CopyOnWriteArrayList<>();

	private final Consumer<String> say;

	private HttpServer server;

	AlertWebhook(Consumer<String> say) {
		this.say = say;
	}

	AlertWebhook start(int port) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open the alert webhook on 127.0.0.1:" + port, ex);
		}
		this.server.createContext("/hooks/", this::exchange);
		this.server.start();
		return this;
	}

	private void exchange(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!exchange.getRequestMethod().equals("POST")) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			String channel = exchange.getRequestURI().getPath().substring("/hooks/".length());
			ChatMessage message = new ChatMessage(Instant.now(), channel, body);
			this.received.add(message);
			message.titles().forEach((title) -> this.say.accept("  [alert to #" + channel + "] " + title));
			byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, ok.length);
			exchange.getResponseBody().write(ok);
		}
	}

	/**
	 * Every message received since the stack started, oldest first.
	 */
	List<ChatMessage> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

}
