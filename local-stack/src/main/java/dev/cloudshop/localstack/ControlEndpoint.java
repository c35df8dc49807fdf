package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The running launcher's door for {@code ./local-stack.sh chaos} in another terminal: a
 * small HTTP endpoint on 127.0.0.1 only, so the launcher keeps owning every process it
 * started and knows how to start it again.
 * <ul>
 * <li>{@code GET /processes}: every process with its pid and state, as a table</li>
 * <li>{@code POST /chaos/<action>/<target>}: one action on one process; 200 with what
 * happened, 400 for an unknown action or process, 409 when the process is not in a state
 * for it, 500 when it failed</li>
 * </ul>
 * A POST must carry the {@value #CLIENT_HEADER} header and every request a local Host, so
 * that a web page the browser shows cannot act on the stack.
 */
final class ControlEndpoint implements AutoCloseable {

	static final String CLIENT_HEADER = "X-Local-Stack-Client";

	private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

	private final ProcessControl control;

	private HttpServer server;

	private ExecutorService executor;

	ControlEndpoint(ProcessControl control) {
		this.control = control;
	}

	/**
	 * Listens on 127.0.0.1.
	 * @param port the port, 0 for any free one
	 * @return this endpoint
	 */
	ControlEndpoint start(int port) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open the control endpoint on 127.0.0.1:" + port, ex);
		}
		// A restart takes a while; the process list keeps answering meanwhile.
		this.executor = Executors.newFixedThreadPool(4, (task) -> {
			Thread thread = new Thread(task, "local-stack-control");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::exchange);
		this.server.start();
		return this;
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	private void exchange(HttpExchange exchange) throws IOException {
		try {
			Reply reply = handle(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders());
			byte[] body = (reply.body() + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
			exchange.sendResponseHeaders(reply.status(), body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		finally {
			exchange.close();
		}
	}

	/**
	 * Answers one request.
	 * @param method the HTTP method
	 * @param uri the request URI
	 * @param headers the request headers
	 * @return the status and the plain-text body
	 */
	Reply handle(String method, URI uri, Headers headers) {
		if (!isLocal(headers.getFirst("Host"))) {
			return new Reply(403, "Only this machine may use the control endpoint");
		}
		List<String> path = List.of(uri.getPath().replaceFirst("^/", "").split("/", 3));
		if (path.size() == 1 && path.get(0).equals("processes")) {
			return method.equals("GET") ? new Reply(200, table(this.control.processes()))
					: new Reply(405, "GET /processes lists the processes");
		}
		if (path.size() == 3 && path.get(0).equals("chaos")) {
			if (!method.equals("POST")) {
				return new Reply(405, "POST /chaos/<action>/<target> acts on a process");
			}
			if (headers.getFirst(CLIENT_HEADER) == null) {
				return new Reply(403, "Use ./local-stack.sh chaos (a POST needs the " + CLIENT_HEADER + " header)");
			}
			return act(path.get(1), path.get(2));
		}
		return new Reply(404, "Nothing here: GET /processes, POST /chaos/<action>/<target>");
	}

	private Reply act(String action, String target) {
		try {
			return new Reply(200, this.control.apply(ChaosAction.parse(action), target));
		}
		catch (IllegalArgumentException ex) {
			return new Reply(400, ex.getMessage());
		}
		catch (ProcessControl.Refused ex) {
			return new Reply(409, ex.getMessage());
		}
		catch (RuntimeException ex) {
			return new Reply(500, ex.getMessage());
		}
	}

	private static boolean isLocal(String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
		return LOCAL_HOSTS.contains(name);
	}

	/**
	 * The process list as the command line shows it.
	 * @param processes the processes
	 * @return a table with a header line
	 */
	static String table(List<ProcessStatus> processes) {
		StringBuilder table = new StringBuilder(
				String.format("%-24s %-8s %-8s %s", "PROCESS", "PID", "STATE", "ADDRESS"));
		for (ProcessStatus process : processes) {
			table.append(System.lineSeparator())
				.append(String.format("%-24s %-8s %-8s %s", process.name(),
						process.pid().isPresent() ? String.valueOf(process.pid().getAsLong()) : "-", process.state(),
						process.address()));
		}
		return table.toString();
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.stop(0);
			this.executor.shutdownNow();
		}
	}

	/**
	 * An answer of the endpoint.
	 *
	 * @param status the HTTP status
	 * @param body plain text for the command line to print
	 */
	record Reply(int status, String body) {

	}

}
