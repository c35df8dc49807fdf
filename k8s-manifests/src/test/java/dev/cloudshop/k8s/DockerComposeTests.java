package dev.cloudshop.k8s;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, the Dockerfile template and .dockerignore, checked against the
 * services' own configuration: a renamed variable, a moved port or a new dependency fails
 * here before it fails a {@code docker compose up}.
 */
class DockerComposeTests {

	private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{(\\w+)(?::-([^}]*))?}");

	private static final Pattern BUILD_ARGUMENT = Pattern.compile("(?m)^ARG (\\w+)(?:=(\\S*))?$");

	private final Map<String, Object> compose = Yaml.loadAll(Project.file("docker-compose.yml")).get(0);

	@Test
	void everyServiceIsBuiltFromTheOneDockerfileForItsModuleAndPortAndTaggedAsKubernetesExpects() {
		Map<String, String> declared = buildArguments();
		for (ServiceConfig config : ServiceConfig.all()) {
			String name = config.name();
			Map<String, Object> service = service(name);
			assertThat(Yaml.string(service, "build", "context")).isEqualTo(".");
			assertThat(Yaml.string(service, "build", "dockerfile")).isEqualTo("Dockerfile");
			Map<String, String> arguments = new LinkedHashMap<>();
			Yaml.map(service, "build", "args").forEach((key, value) -> arguments.put(key, String.valueOf(value)));
			assertThat(arguments).as(name + "'s build arguments")
				.containsEntry("SERVICE", name)
				.containsEntry("PORT", String.valueOf(config.port()));
			// Docker ignores an argument the Dockerfile does not declare: a misspelt one
			// would build an image without it, and say nothing.
			assertThat(declared).as("the Dockerfile's ARGs").containsKeys(arguments.keySet().toArray(String[]::new));
			assertThat(Yaml.string(service, "image")).isEqualTo("cloudshop/" + name + ":${TAG:-latest}");
		}
	}

	@Test
	void givesImageServiceMoreOfItsMemoryAsHeapThanTheOthers() {
		assertThat(buildArguments()).containsEntry("MAX_RAM_PERCENTAGE", "50");
		for (String name : ServiceConfig.SERVICES) {
			String heap = Yaml.string(service(name), "build", "args", "MAX_RAM_PERCENTAGE");
			assertThat(heap).as(name + "'s MAX_RAM_PERCENTAGE").isEqualTo("image-service".equals(name) ? "65" : null);
		}
	}

	@Test
	void everyEnvironmentVariableIsOneTheServiceReadsAndEveryConnectionIsSet() {
		List<String> errors = new ArrayList<>();
		for (ServiceConfig config : ServiceConfig.all()) {
			Map<String, String> environment = environment(config.name());
			environment.keySet()
				.stream()
				.filter((variable) -> !config.reads(variable))
				.forEach((variable) -> errors.add(config.name() + " is given " + variable
						+ ", which is neither a placeholder nor a property of its application.yml"));
			config.connections()
				.stream()
				.filter((variable) -> !environment.containsKey(variable))
				.forEach((variable) -> errors.add(config.name() + " needs " + variable));
			if (config.advertisedHost() != null && !"true".equals(environment.get("EUREKA_INSTANCE_PREFERIPADDRESS"))
					&& !config.name().equals(environment.get(config.advertisedHost()))) {
				errors.add(config.name() + " must register under its IP address or its own service name");
			}
		}
		assertThat(errors).isEmpty();
	}

	@Test
	void everyConnectionReachesAComposeServiceThatStartsFirst() {
		Map<String, Integer> listening = Map.of("postgres", 5432, "kafka", 9092, "smtp", 3025);
		List<String> errors = new ArrayList<>();
		for (ServiceConfig config : ServiceConfig.all()) {
			Map<String, String> environment = environment(config.name());
			Set<String> needed = new TreeSet<>();
			for (String variable : config.connections()) {
				for (Endpoint endpoint : Endpoint.of(variable, environment, config)) {
					int port = ServiceConfig.SERVICES.contains(endpoint.host())
							? ServiceConfig.of(endpoint.host()).port() : listening.getOrDefault(endpoint.host(), -1);
					if (!this.services().containsKey(endpoint.host()) || port != endpoint.port()) {
						errors.add(config.name() + " " + variable + ": nothing listens on " + endpoint);
					}
					needed.add(endpoint.host());
				}
			}
			// The gateway starts last, so that once it is healthy every route has a
			// service.
			needed.addAll(config.routedServices());
			Map<String, Object> dependsOn = Yaml.map(service(config.name()), "depends_on");
			for (String dependency : needed) {
				if (!"service_healthy".equals(Yaml.string(dependsOn, dependency, "condition"))) {
					errors.add(config.name() + " must wait for " + dependency + " to be healthy");
				}
			}
		}
		assertThat(errors).isEmpty();
	}

	@Test
	void everyServiceUsesItsOwnDatabaseAndRoleWithThePasswordPostgresGivesIt() {
		Map<String, String> postgres = environment("postgres");
		Map<String, String> created = KubernetesOverlayTests.InitScript.databases();
		List<String> errors = new ArrayList<>();
		for (ServiceConfig config : ServiceConfig.all()) {
			config.database().ifPresent((database) -> {
				Map<String, String> environment = environment(config.name());
				if (!("jdbc:postgresql://postgres:5432/" + database).equals(environment.get("DB_URL"))
						|| !database.equals(environment.get("DB_USER"))) {
					errors.add(config.name() + " must use the database and role " + database);
				}
				String variable = created.get(database);
				if (variable == null || !environment.get("DB_PASSWORD").equals(postgres.get(variable))) {
					errors.add(config.name() + "'s DB_PASSWORD must be postgres's " + variable);
				}
			});
		}
		assertThat(errors).isEmpty();
	}

	@Test
	void onlyTheEntryPointsAndTheObservabilityUisArePublishedOnMovablePorts() {
		Map<String, String> published = new LinkedHashMap<>();
		services().forEach((name, service) -> {
			for (Object port : (List<?>) Yaml.asMap(service).getOrDefault("ports", List.of())) {
				published.put(name, port.toString());
			}
		});
		assertThat(published).containsOnly(
				Map.entry("gateway-service",
						"127.0.0.1:${GATEWAY_PORT:-8080}:" + ServiceConfig.of("gateway-service").port()),
				Map.entry("discovery-service",
						"127.0.0.1:${EUREKA_PORT:-8761}:" + ServiceConfig.of("discovery-service").port()),
				Map.entry("smtp", "127.0.0.1:${SMTP_API_PORT:-8025}:8025"),
				Map.entry("zipkin", "127.0.0.1:${ZIPKIN_PORT:-9411}:9411"),
				Map.entry("prometheus", "127.0.0.1:${PROMETHEUS_PORT:-9090}:9090"),
				// 9095 on the host, as beside the local stack (its Kafka controller has
				// 9093).
				Map.entry("alertmanager", "127.0.0.1:${ALERTMANAGER_PORT:-9095}:9093"),
				Map.entry("grafana", "127.0.0.1:${GRAFANA_PORT:-3000}:3000"));
	}

	@Test
	void prometheusRunsTheRepositorysConfigurationAndRulesAndFindsTheServicesInEureka() {
		Map<String, Object> prometheus = service("prometheus");
		assertThat(Yaml.string(prometheus, "image")).matches("prom/prometheus:v[0-9.]+");
		assertThat(stringList(prometheus, "volumes")).contains("./observability/prometheus:/etc/prometheus:ro");
		String configFile = stringList(prometheus, "command").stream()
			.filter((argument) -> argument.startsWith("--config.file=/etc/prometheus/"))
			.map((argument) -> argument.substring("--config.file=/etc/prometheus/".length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("prometheus has no --config.file under /etc/prometheus"));
		PrometheusConfig config = PrometheusConfig.read("observability/prometheus/" + configFile);
		assertThat(config.ruleFiles())
			.allSatisfy((rules) -> assertThat(Project.file("observability/prometheus/" + rules))
				.as("a rule file in the mounted directory")
				.isRegularFile());
		List<String> errors = new ArrayList<>();
		for (Endpoint endpoint : config.endpoints()) {
			int port = ServiceConfig.SERVICES.contains(endpoint.host()) ? ServiceConfig.of(endpoint.host()).port()
					: containerPort(endpoint.host());
			if (!services().containsKey(endpoint.host()) || port != endpoint.port()) {
				errors.add("prometheus reaches " + endpoint + ", where nothing listens");
			}
		}
		assertThat(errors).isEmpty();
		assertThat(Yaml.string(prometheus, "depends_on", "discovery-service", "condition"))
			.isEqualTo("service_healthy");
	}

	@Test
	void alertmanagerRunsTheRepositorysConfiguration() {
		Map<String, Object> alertmanager = service("alertmanager");
		assertThat(Yaml.string(alertmanager, "image")).matches("prom/alertmanager:v[0-9.]+");
		assertThat(stringList(alertmanager, "volumes")).contains("./observability/alertmanager:/etc/alertmanager:ro");
		assertThat(stringList(alertmanager, "command")).contains("--config.file=/etc/alertmanager/alertmanager.yml");
	}

	@Test
	void grafanaIsAnOptionalProfileWithTheRepositorysDashboardsAndNothingWaitsForIt() {
		Map<String, Object> grafana = service("grafana");
		assertThat(Yaml.at(grafana, "profiles")).isEqualTo(List.of("grafana"));
		assertThat(Yaml.string(grafana, "image")).matches("grafana/grafana:[0-9.]+");
		assertThat(stringList(grafana, "volumes")).contains(
				"./observability/grafana/provisioning/datasources:/etc/grafana/provisioning/datasources:ro",
				"./observability/grafana/provisioning/dashboards:/etc/grafana/provisioning/dashboards:ro",
				"./observability/grafana/dashboards:/etc/grafana/dashboards:ro");
		assertThat(Yaml.read(Project.file("observability/grafana/provisioning/dashboards/cloudshop.yml")))
			.contains("path: /etc/grafana/dashboards");
		String datasources = Yaml.read(Project.file("observability/grafana/provisioning/datasources/cloudshop.yml"));
		assertThat(datasources).contains("url: http://prometheus:9090", "url: http://zipkin:9411");
		services().forEach((name, service) -> assertThat(Yaml.map(service, "depends_on")).as(name + " depends on")
			.doesNotContainKey("grafana"));
		services().forEach((name, service) -> {
			if (!name.equals("grafana")) {
				assertThat(Yaml.asMap(service)).as(name + " runs without a profile").doesNotContainKey("profiles");
			}
		});
	}

	@Test
	void memoryLimitsFitAnEightGigabyteLaptop() {
		long total = 0;
		long profiles = 0;
		for (Map.Entry<String, Object> entry : services().entrySet()) {
			Object limit = Yaml.asMap(entry.getValue()).get("mem_limit");
			assertThat(limit).as(entry.getKey() + " has a mem_limit").isNotNull();
			if (Yaml.asMap(entry.getValue()).containsKey("profiles")) {
				profiles += bytes(limit.toString());
			}
			else {
				total += bytes(limit.toString());
			}
		}
		assertThat(total).as("the sum of every mem_limit of docker compose up").isLessThanOrEqualTo(6L << 30);
		assertThat(total + profiles).as("the same with Grafana's profile").isLessThanOrEqualTo(6656L << 20);
	}

	@Test
	void theDockerfileBuildsTheServicesJarIntoLayersOnItsPort() {
		List<String> errors = new ArrayList<>();
		String dockerignore = Yaml.read(Project.file(".dockerignore"));
		String dockerfile = Yaml.read(Project.file("Dockerfile"));
		List<String> expected = List.of("FROM eclipse-temurin:25-jre AS layers",
				"COPY ${SERVICE}/target/${SERVICE}.jar app.jar", "extract --layers --launcher", "ENV PORT=${PORT}",
				"EXPOSE ${PORT}", "-XX:MaxRAMPercentage=${MAX_RAM_PERCENTAGE}", "USER 1000:1000",
				"/dev/tcp/127.0.0.1/$PORT", "/actuator/health/readiness",
				"ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
		expected.stream()
			.filter((line) -> !dockerfile.contains(line))
			.forEach((line) -> errors.add("Dockerfile lacks: " + line));
		List<String> layers = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
		int previous = -1;
		for (String layer : layers) {
			int position = dockerfile.indexOf("COPY --from=layers /build/extracted/" + layer + "/ ./");
			if (position <= previous) {
				errors.add("Dockerfile must copy the layers in the order " + layers);
			}
			previous = position;
		}
		for (String name : ServiceConfig.SERVICES) {
			String jar = name + "/target/" + name + ".jar";
			if (!dockerignore.contains("!" + jar + "\n")) {
				errors.add(".dockerignore must let " + jar + " through");
			}
			// One template: a module's own Dockerfile would be a copy that drifts.
			if (Files.exists(Project.file(name + "/Dockerfile"))) {
				errors.add(name + "/Dockerfile duplicates the root Dockerfile; pass build arguments instead");
			}
		}
		String smtp = Yaml.read(Project.file("docker/smtp/Dockerfile"));
		String greenmail = "local-stack/target/greenmail/greenmail-standalone.jar";
		assertThat(smtp).contains("COPY " + greenmail);
		assertThat(dockerignore).contains("!" + greenmail + "\n");
		assertThat(Yaml.read(Project.file("local-stack/pom.xml")))
			.as("local-stack copies GreenMail where the SMTP image takes it from")
			.contains("<destFileName>greenmail-standalone.jar</destFileName>")
			.contains("<outputDirectory>${project.build.directory}/greenmail</outputDirectory>");
		assertThat(errors).isEmpty();
	}

	/**
	 * The build arguments the Dockerfile declares in its final stage, each with its
	 * default ({@code null} without one).
	 */
	private static Map<String, String> buildArguments() {
		String dockerfile = Yaml.read(Project.file("Dockerfile"));
		String last = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
		Map<String, String> arguments = new LinkedHashMap<>();
		Matcher matcher = BUILD_ARGUMENT.matcher(last);
		while (matcher.find()) {
			arguments.put(matcher.group(1), matcher.group(2));
		}
		return arguments;
	}

	/** The port a compose service that is no Spring Boot service listens on. */
	private static int containerPort(String service) {
		return switch (service) {
			case "alertmanager" -> 9093;
			case "prometheus" -> 9090;
			case "zipkin" -> 9411;
			default -> -1;
		};
	}

	private static List<String> stringList(Map<String, Object> service, String key) {
		return ((List<?>) Yaml.asMap(service).getOrDefault(key, List.of())).stream().map(String::valueOf).toList();
	}

	private Map<String, Object> services() {
		return Yaml.map(this.compose, "services");
	}

	private Map<String, Object> service(String name) {
		Map<String, Object> service = Yaml.map(services(), name);
		assertThat(service).as("compose service " + name).isNotEmpty();
		return service;
	}

	/**
	 * A compose service's environment, each value interpolated with its default as
	 * {@code docker compose} does with nothing set.
	 */
	private Map<String, String> environment(String name) {
		Map<String, String> environment = new LinkedHashMap<>();
		Yaml.map(service(name), "environment").forEach((variable, value) -> {
			Matcher matcher = INTERPOLATION.matcher(String.valueOf(value).replace("$$", "\u0000"));
			String interpolated = matcher
				.replaceAll((match) -> Matcher.quoteReplacement((match.group(2) != null) ? match.group(2) : ""));
			environment.put(variable, interpolated.replace("\u0000", "$"));
		});
		return environment;
	}

	private static long bytes(String size) {
		Matcher matcher = Pattern.compile("(\\d+)([kmg]?)b?").matcher(size.toLowerCase());
		assertThat(matcher.matches()).as("a size: " + size).isTrue();
		long value = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "k" -> value << 10;
			case "m" -> value << 20;
			case "g" -> value << 30;
			default -> value;
		};
	}

}
