package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server on 127.0.0.1 that stands in for a service's readiness endpoint,
 * Eureka or the gateway: each path answers with a status and body the test sets, and
 * counts how often it was asked.
 */
final class FakeHttpServer implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	FakeHttpServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.start();
	}

	/**
	 * Answers every request to the path, and below it, with what the answer gives then.
	 */
	FakeHttpServer answer(String path, Supplier<Answer> answer) {
		AtomicInteger count = this.requests.computeIfAbsent(path, (key) -> new AtomicInteger());
		this.server.createContext(path, (exchange) -> {
			count.incrementAndGet();
			Answer current = answer.get();
			byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(current.status(), (body.length == 0) ? -1 : body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		return this;
	}

	FakeHttpServer answer(String path, int status, String body) {
		return answer(path, () -> new Answer(status, body));
	}

	int requestsTo(String path) {
		AtomicInteger count = this.requests.get(path);
		return (count != null) ? count.get() : 0;
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	URI uri(String path) {
		return URI.create(url() + path);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Answer(int status, String body) {

	}

}
