import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What tracing every request costs: two inventory-service processes from the same jar, on
 * the running local stack's database, one recording and exporting a span for every request
 * to the stack's Zipkin (sampling 1.0, the suite's default), one recording none (sampling
 * 0.0, no exporter). They take the same light GET (a product by sku) in alternating rounds,
 * so both see the same machine, and the benchmark prints per round and as medians of the
 * rounds: requests per second, p50 and p99 latency, CPU-seconds per 1000 requests, and
 * each process's memory (PSS) at the end; then traced ÷ untraced for each.
 *
 * Run against a started local stack (./local-stack.sh):
 *   java benchmarks/TracingCostBenchmark.java [rounds] [secondsPerRound] [connections]
 */
public class TracingCostBenchmark {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	static final String PATH = "/api/products/KB-0001";

	static final long CLOCK_TICKS = 100;

	record Round(String variant, double perSecond, long p50Micros, long p99Micros, double cpuMsPerRequest) {
	}

	record Variant(String name, int port, Map<String, String> environment, Process[] process) {

		String url() {
			return "http://localhost:" + this.port;
		}

		long pid() {
			return this.process[0].pid();
		}
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		int connections = (args.length > 2) ? Integer.parseInt(args[2]) : 8;
		Path jar = Path.of("inventory-service/target/inventory-service.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException("Build first (./local-stack.sh builds): " + jar);
		}
		Variant traced = new Variant("traced (sampling 1.0, spans to Zipkin)", 18382,
				Map.of("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0", "CLOUDSHOP_TRACING_ZIPKIN_ENDPOINT",
						"http://localhost:9411/api/v2/spans"),
				new Process[1]);
		Variant untraced = new Variant("untraced (sampling 0.0, no exporter)", 18482,
				Map.of("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.0"), new Process[1]);
		List<Variant> variants = List.of(traced, untraced);
		try {
			for (Variant variant : variants) {
				start(jar, variant);
			}
			for (Variant variant : variants) {
				awaitReady(variant);
			}
			System.out.printf("Load average before: %s%n", loadAverage());
			System.out.printf("Warming up both (%d s each)...%n", seconds);
			for (Variant variant : variants) {
				round(variant, seconds, connections);
			}
			List<Round> results = new ArrayList<>();
			for (int i = 1; i <= rounds; i++) {
				// Alternate which goes first, so neither always gets the quieter half.
				List<Variant> order = (i % 2 == 1) ? variants : List.of(untraced, traced);
				for (Variant variant : order) {
					Round round = round(variant, seconds, connections);
					results.add(round);
					System.out.printf(Locale.ROOT, "  round %d %-40s %7.0f req/s  p50 %5d us  p99 %6d us  %.3f CPU-ms/req%n",
							i, variant.name(), round.perSecond(), round.p50Micros(), round.p99Micros(),
							round.cpuMsPerRequest());
				}
			}
			System.out.printf("Load average after: %s%n%n", loadAverage());
			Round t = median(results, traced.name());
			Round u = median(results, untraced.name());
			long tracedPss = pssKib(traced.pid());
			long untracedPss = pssKib(untraced.pid());
			System.out.printf(Locale.ROOT, "Medians of %d rounds of %d s, %d connections, GET %s%n", rounds, seconds,
					connections, PATH);
			System.out.printf(Locale.ROOT, "  %-40s %7.0f req/s  p50 %5d us  p99 %6d us  %.3f CPU-ms/req  PSS %d MiB%n",
					traced.name(), t.perSecond(), t.p50Micros(), t.p99Micros(), t.cpuMsPerRequest(), tracedPss / 1024);
			System.out.printf(Locale.ROOT, "  %-40s %7.0f req/s  p50 %5d us  p99 %6d us  %.3f CPU-ms/req  PSS %d MiB%n",
					untraced.name(), u.perSecond(), u.p50Micros(), u.p99Micros(), u.cpuMsPerRequest(),
					untracedPss / 1024);
			System.out.printf(Locale.ROOT,
					"  traced / untraced: throughput %.2f, p50 %.2f, p99 %.2f, CPU per request %.2f, PSS %.2f%n",
					t.perSecond() / u.perSecond(), (double) t.p50Micros() / u.p50Micros(),
					(double) t.p99Micros() / u.p99Micros(), t.cpuMsPerRequest() / u.cpuMsPerRequest(),
					(double) tracedPss / untracedPss);
		}
		finally {
			for (Variant variant : variants) {
				if (variant.process()[0] != null) {
					variant.process()[0].destroy();
					variant.process()[0].waitFor();
				}
			}
		}
	}

	static void start(Path jar, Variant variant) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// The local stack's flags for a service (ServiceInstance), on the stack's database,
		// not registered with Eureka: the gateway must not send shoppers here.
		ProcessBuilder builder = new ProcessBuilder(java, "-Xms32m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m",
				"-Dspring.output.ansi.enabled=never", "-jar", jar.toString());
		builder.environment()
			.putAll(Map.of("PORT", String.valueOf(variant.port()), "EUREKA_CLIENT_ENABLED", "false", "DB_URL",
					"jdbc:postgresql://localhost:5432/inventory", "DB_USER", "inventory", "DB_PASSWORD", "inventory",
					"SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "4"));
		builder.environment().putAll(variant.environment());
		Path log = Path.of("target", "tracing-cost-" + variant.port() + ".log");
		Files.createDirectories(log.getParent());
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		variant.process()[0] = builder.start();
	}

	static void awaitReady(Variant variant) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		while (System.nanoTime() < deadline) {
			if (!variant.process()[0].isAlive()) {
				throw new IllegalStateException(variant.name() + " ended; see target/tracing-cost-" + variant.port()
						+ ".log");
			}
			try {
				if (get(variant.url() + "/actuator/health/readiness") == 200 && get(variant.url() + PATH) == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(variant.name() + " not ready after 4 minutes");
	}

	static Round round(Variant variant, int seconds, int connections) throws Exception {
		long cpuBefore = cpuTicks(variant.pid());
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ExecutorService clients = Executors.newFixedThreadPool(connections);
		List<Future<List<Long>>> futures = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			futures.add(clients.submit(() -> {
				List<Long> micros = new ArrayList<>();
				HttpRequest request = HttpRequest.newBuilder(URI.create(variant.url() + PATH)).build();
				while (System.nanoTime() < end) {
					long start = System.nanoTime();
					HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() != 200) {
						throw new IllegalStateException("HTTP " + response.statusCode());
					}
					micros.add((System.nanoTime() - start) / 1000);
				}
				return micros;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> future : futures) {
			all.addAll(future.get());
		}
		clients.shutdown();
		long cpu = cpuTicks(variant.pid()) - cpuBefore;
		Collections.sort(all);
		return new Round(variant.name(), all.size() / (double) seconds, percentile(all, 50), percentile(all, 99),
				cpu * 1000.0 / CLOCK_TICKS / all.size());
	}

	static Round median(List<Round> rounds, String variant) {
		List<Round> mine = rounds.stream().filter((round) -> round.variant().equals(variant)).toList();
		return new Round(variant, medianOf(mine.stream().map(Round::perSecond).toList()),
				(long) medianOf(mine.stream().map((r) -> (double) r.p50Micros()).toList()),
				(long) medianOf(mine.stream().map((r) -> (double) r.p99Micros()).toList()),
				medianOf(mine.stream().map(Round::cpuMsPerRequest).toList()));
	}

	static double medianOf(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static long percentile(List<Long> sorted, int p) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	static int get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** User plus system CPU time of a process, in clock ticks, from /proc. */
	static long cpuTicks(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	static long pssKib(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
			if (line.startsWith("Pss:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		return 0;
	}

	static String loadAverage() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).trim();
	}

}
