package dev.cloudshop.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code ./local-stack.sh}: starts the stack, prints where everything is and runs until
 * Ctrl-C; or, with {@code chaos} first, hands over to {@link ChaosCommand}, which acts on
 * a stack already running. {@link LaunchArguments} reads the options.
 */
final class LaunchCommand {

	private LaunchCommand() {
	}

	/**
	 * Runs the command in the current directory, the root of the checkout, and ends the
	 * JVM with the command's exit code unless the stack ran until Ctrl-C: then the JVM is
	 * ending already.
	 * @param args the command line
	 */
	static void main(String[] args) {
		boolean chaos = isChaos(args);
		int exit = run(args, Path.of("").toAbsolutePath(), System.out, System.err);
		if (chaos || exit != 0) {
			System.exit(exit);
		}
	}

	/**
	 * Runs the command; for a stack that started, that is until it is closed.
	 * @param args the command line
	 * @param projectDir the root of the checkout
	 * @param out where progress and answers go
	 * @param err where problems go
	 * @return the exit code: 0 done, 1 the stack did not start, 2 bad usage; the chaos
	 * command's own otherwise
	 */
	static int run(String[] args, Path projectDir, PrintStream out, PrintStream err) {
		if (isChaos(args)) {
			return ChaosCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
		}
		StackOptions options;
		try {
			options = LaunchArguments.parse(args, StackOptions.defaults(projectDir).withOut(out));
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println(LaunchArguments.USAGE);
			return 2;
		}
		if (options == null) {
			out.println(LaunchArguments.USAGE);
			return 0;
		}
		out.println("Starting the suite (data and logs in " + options.workDir() + ")");
		LocalStack stack;
		try {
			stack = LocalStack.start(options);
		}
		catch (RuntimeException ex) {
			err.println();
			err.println("The local stack did not start: " + ex.getMessage());
			return 1;
		}
		printSummary(stack, options, out);
		stack.awaitClose();
		return 0;
	}

	private static boolean isChaos(String[] args) {
		return args.length > 0 && args[0].equals("chaos");
	}

	private static void printSummary(LocalStack stack, StackOptions options, PrintStream out) {
		String url = stack.gatewayUrl();
		out.println();
		out.println(String.format("All healthy in %.1f s; the stack holds %d MiB of memory (PSS, all %d processes).",
				stack.startupTime().toMillis() / 1000.0, stack.residentMemoryBytes() / (1024 * 1024),
				stack.pids().size()));
		out.println();
		out.println("  Gateway (the shop's API)   " + url);
		out.println("    products                 " + url + "/api/products");
		out.println("    orders                   " + url + "/api/orders?customerId=...");
		out.println("    payments                 " + url + "/api/payments?orderId=...");
		out.println("    notifications            " + url + "/api/notifications?orderId=...");
		out.println("    images                   " + url + "/api/images?owner=...");
		out.println("  Eureka dashboard           " + stack.eurekaUrl());
		out.println("  Health of each service");
		stack.instances()
			.forEach((instance) -> out
				.println(String.format("    %-24s %s/actuator/health", instance.label(), instance.baseUrl())));
		out.println("  PostgreSQL                 " + stack.jdbcUrl("<database>")
				+ "  (role and password = database name)");
		out.println("  Kafka                      " + stack.kafkaBootstrapServers() + "  (topic order-events)");
		out.println("  Emails sent (SMTP server)  " + stack.mailApiUrl() + "/api/user/<email>/messages/INBOX");
		stack.runningZipkinUrl()
			.ifPresent((zipkin) -> out.println("  Traces (Zipkin)            " + zipkin + "/zipkin/"));
		stack.prometheusUrl()
			.ifPresent((prometheus) -> out.println(
					"  Metrics (Prometheus)       " + prometheus + "/targets  (alerts: " + prometheus + "/alerts)"));
		stack.alertmanagerUrl()
			.ifPresent((alertmanager) -> out.println("  Alertmanager               " + alertmanager
					+ "  (its chat messages are printed here as they come)"));
		stack.serversLeftOut().forEach((line) -> out.println("  " + line));
		out.println("  Logs                       " + options.logDir());
		out.println("  Chaos experiments          " + options.chaosCommand()
				+ " list   (kill, stop, pause, resume, start, restart any process)");
		out.println();
		out.println("Press Ctrl-C to stop everything.");
	}

}
