package dev.cloudshop.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code ./local-stack.sh chaos ...}: acts on one process of the running local stack from
 * another terminal. The launcher does the work through its {@link ControlEndpoint}; this
 * command only asks it, with nothing but the JDK on its classpath.
 */
public final class ChaosCommand {

	static final String USAGE = """
			Usage: ./local-stack.sh chaos [--port-offset N] list
			       ./local-stack.sh chaos [--port-offset N] ACTION PROCESS
			  list               every process of the running stack with its pid and state
			  ACTION             %s
			  PROCESS            postgres, kafka, smtp, discovery-service, gateway-service, a service such as
			                     payment-service, or a further instance such as inventory-service#2
			  --port-offset N    the stack was started with --port-offset N (the end-to-end tests': 20000)
			""".formatted(Arrays.stream(ChaosAction.values())
		.map((action) -> String.format("%-8s %s", action.command(), action.description()))
		.collect(Collectors.joining(System.lineSeparator() + " ".repeat(21))));

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ChaosCommand() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Runs the command.
	 * @param args what follows {@code chaos} on the command line
	 * @param out where the answer goes
	 * @param err where problems go
	 * @return the exit code: 0 done, 1 refused or failed or no stack running, 2 bad usage
	 */
	static int run(String[] args, PrintStream out, PrintStream err) {
		int offset = 0;
		List<String> words = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--help") || args[i].equals("-h")) {
				out.print(USAGE);
				return 0;
			}
			if (args[i].equals("--port-offset")) {
				if (i + 1 >= args.length || !args[i + 1].matches("\\d{1,5}")) {
					return usage(err, "--port-offset wants a number");
				}
				offset = Integer.parseInt(args[++i]);
			}
			else {
				words.add(args[i]);
			}
		}
		HttpRequest request;
		URI base = URI.create("http://127.0.0.1:" + StackOptions.controlPort(offset));
		if (words.size() == 1 && words.get(0).equals("list")) {
			request = HttpRequest.newBuilder(base.resolve("/processes")).timeout(Duration.ofSeconds(20)).GET().build();
		}
		else if (words.size() == 2) {
			try {
				ChaosAction.parse(words.get(0));
			}
			catch (IllegalArgumentException ex) {
				return usage(err, ex.getMessage());
			}
			request = HttpRequest
				.newBuilder(base
					.resolve("/chaos/" + words.get(0) + "/" + URLEncoder.encode(words.get(1), StandardCharsets.UTF_8)))
				.header(ControlEndpoint.CLIENT_HEADER, "local-stack.sh")
				// A start answers only once the process serves, which can take minutes.
				.timeout(Duration.ofMinutes(5))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build();
		}
		else {
			return usage(err, words.isEmpty() ? "Say what to do" : "Unexpected arguments: " + String.join(" ", words));
		}
		return send(request, offset, out, err);
	}

	private static int send(HttpRequest request, int offset, PrintStream out, PrintStream err) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			(response.statusCode() == 200 ? out : err).print(response.body());
			return (response.statusCode() == 200) ? 0 : 1;
		}
		catch (ConnectException ex) {
			err.println("No local stack is running: nothing answers on 127.0.0.1:" + request.uri().getPort() + ".");
			err.println("Start one with ./local-stack.sh in another terminal"
					+ ((offset == 0) ? "; the end-to-end tests' stack is reached with --port-offset 20000." : "."));
			return 1;
		}
		catch (HttpTimeoutException ex) {
			err.println("The local stack did not answer in time; its progress is in the terminal that started it.");
			return 1;
		}
		catch (IOException ex) {
			err.println("Could not reach the local stack on 127.0.0.1:" + request.uri().getPort() + ": " + ex);
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	private static int usage(PrintStream err, String problem) {
		err.println(problem);
		err.print(USAGE);
		return 2;
	}

}
