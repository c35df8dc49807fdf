package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The chat channel of a stack on one machine: a Slack-compatible incoming webhook on
 * 127.0.0.1 that Alertmanager posts its messages to ({@code /hooks/cloudshop} for pages,
 * {@code /hooks/cloudshop-tickets} for tickets). The launcher prints each message's title
 * and keeps every message, so a test can read what reached the channel.
 */
final class AlertWebhook implements AutoCloseable {

	private static final Pattern TITLE = Pattern.compile("\"title\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

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

	/**
	 * One message Alertmanager posted.
	 *
	 * @param receivedAt when it arrived
	 * @param channel the last part of the webhook's path: {@code cloudshop} (pages) or
	 * {@code cloudshop-tickets}
	 * @param body the Slack-compatible JSON as posted
	 */
	public record ChatMessage(Instant receivedAt, String channel, String body) {

		/**
		 * The titles of its attachments, such as
		 * {@code [FIRING:1] OrderTechnicalFailuresBudgetBurn (order-service)}.
		 */
		public List<String> titles() {
			List<String> titles = new ArrayList<>();
			Matcher matcher = TITLE.matcher(this.body);
			while (matcher.find()) {
				titles.add(unescape(matcher.group(1)));
			}
			return titles;
		}

		private static String unescape(String json) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < json.length(); i++) {
				char c = json.charAt(i);
				if (c != '\\' || i + 1 == json.length()) {
					text.append(c);
					continue;
				}
				char next = json.charAt(++i);
				switch (next) {
					case 'n' -> text.append(' ');
					case 't' -> text.append(' ');
					case 'u' -> {
						if (i + 4 < json.length()) {
							text.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
							i += 4;
						}
					}
					default -> text.append(next);
				}
			}
			return text.toString();
		}

	}

}
