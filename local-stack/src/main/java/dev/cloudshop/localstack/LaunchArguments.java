package dev.cloudshop.localstack;

/**
 * The launcher's command line.
 */
final class LaunchArguments {

	static final String USAGE = """
			Usage: ./local-stack.sh [--reset] [--port-offset N] [--instances SERVICE=N ...] [--without SERVICE ...]
			  --reset                 throw away the data of earlier runs (PostgreSQL and Kafka)
			  --port-offset N         move every port by N (the gateway to 8080+N, and so on)
			  --instances SERVICE=N   run N instances of a service, e.g. --instances inventory-service=2
			  --without SERVICE       leave one business service out, to run it yourself (from the IDE,
			                          or ./mvnw -pl SERVICE spring-boot:run): it registers with Eureka
			                          and the gateway routes to it like to any other
			  --without SERVER        leave out zipkin, prometheus or alertmanager (the last two run
			                          only where their programs are on the PATH anyway)

			While it runs, ./local-stack.sh chaos (in another terminal) kills, stops, pauses, resumes,
			starts or restarts any one of its processes: ./local-stack.sh chaos --help
			""";

	private LaunchArguments() {
	}

	/**
	 * @return the options, or {@code null} when help was asked for
	 */
	static StackOptions parse(String[] args, StackOptions defaults) {
		StackOptions options = defaults;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--help", "-h" -> {
					return null;
				}
				case "--reset" -> options = options.withReset(true);
				case "--port-offset" ->
					options = options.withPortOffset(number(valueAfter(args, i++), "--port-offset"));
				case "--instances" -> {
					String value = valueAfter(args, i++);
					String[] parts = value.split("=", 2);
					if (parts.length != 2) {
						throw new IllegalArgumentException("--instances wants SERVICE=N, not " + value);
					}
					int count = number(parts[1], "--instances");
					if (count < 1 || count > 5) {
						throw new IllegalArgumentException("--instances wants 1 to 5 instances, not " + count);
					}
					options = options.withInstances(parts[0], count);
				}
				case "--without" -> {
					String service = valueAfter(args, i++);
					if (StackOptions.OPTIONAL_SERVERS.contains(service)) {
						options = options.without(service);
					}
					else if (SuiteService.BUSINESS.stream().noneMatch((business) -> business.name().equals(service))) {
						throw new IllegalArgumentException("--without takes a business service ("
								+ SuiteService.BUSINESS.stream().map(SuiteService::name).toList()
								+ ") or zipkin, prometheus, alertmanager, not " + service);
					}
					else {
						options = options.withInstances(service, 0);
					}
				}
				default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
			}
		}
		return options;
	}

	private static String valueAfter(String[] args, int i) {
		if (i + 1 >= args.length) {
			throw new IllegalArgumentException(args[i] + " needs a value");
		}
		return args[i + 1];
	}

	private static int number(String value, String option) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " wants a number, not " + value);
		}
	}

}
