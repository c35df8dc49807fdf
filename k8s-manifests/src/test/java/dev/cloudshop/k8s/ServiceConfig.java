package dev.cloudshop.k8s;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service reads from its environment, taken from its own
 * {@code src/main/resources/application.yml} over the suite's defaults (the
 * {@code service-defaults*.yml} files of service-defaults, for a service that depends on
 * it): the {@code ${ENV_VAR:default}} placeholders, the properties it sets (each of which
 * an environment variable of Spring Boot's relaxed form overrides) and its port.
 *
 * @param name the service, which is also its module, its image and its Kubernetes name
 * @param placeholders each placeholder's environment variable and its default ({@code ""}
 * when it has none)
 * @param properties every property of the file, flattened
 */
record ServiceConfig(String name, Map<String, String> placeholders, Map<String, Object> properties) {

	/** Every Spring Boot service of the suite. */
	static final List<String> SERVICES = List.of("discovery-service", "gateway-service", "order-service",
			"inventory-service", "payment-service", "notification-service", "image-service");

	/**
	 * Environment variables for properties that no application.yml sets, each with the
	 * property it binds to (Spring Boot relaxed binding) or its reader. Anything else set
	 * on a container must be a placeholder or a property of the service's
	 * application.yml.
	 */
	static final Map<String, String> FRAMEWORK_VARIABLES = Map.of("EUREKA_INSTANCE_PREFERIPADDRESS",
			"eureka.instance.prefer-ip-address", "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE",
			"spring.datasource.hikari.maximum-pool-size", "SPRING_DATASOURCE_HIKARI_MINIMUMIDLE",
			"spring.datasource.hikari.minimum-idle", "SPRING_FLYWAY_CONNECTRETRIES", "spring.flyway.connect-retries",
			"SPRING_FLYWAY_CONNECTRETRIESINTERVAL", "spring.flyway.connect-retries-interval", "JAVA_TOOL_OPTIONS",
			"the JVM", "CLOUDSHOP_TRACING_ZIPKIN_ENDPOINT", "cloudshop.tracing.zipkin.endpoint (service-defaults)");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

	/**
	 * The defaults of the suite, lowest precedence first, and whether a service gets
	 * each.
	 */
	private static final Map<String, Predicate<String>> DEFAULTS = defaults();

	static ServiceConfig of(String name) {
		List<String> texts = new ArrayList<>();
		if (Yaml.read(Project.file(name + "/pom.xml")).contains("<artifactId>service-defaults</artifactId>")) {
			DEFAULTS.forEach((file, applies) -> {
				if (applies.test(name)) {
					texts.add(Yaml.read(Project.file("service-defaults/src/main/resources/" + file)));
				}
			});
		}
		texts.add(Yaml.read(Project.file(name + "/src/main/resources/application.yml")));
		Map<String, String> placeholders = new LinkedHashMap<>();
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String text : texts) {
			Matcher matcher = PLACEHOLDER.matcher(text);
			while (matcher.find()) {
				placeholders.put(matcher.group(1), (matcher.group(2) != null) ? matcher.group(2) : "");
			}
			Yaml.loadAll(text).forEach((document) -> properties.putAll(Yaml.flatten(document)));
		}
		return new ServiceConfig(name, placeholders, properties);
	}

	private static Map<String, Predicate<String>> defaults() {
		Map<String, Predicate<String>> defaults = new LinkedHashMap<>();
		defaults.put("service-defaults.yml", (name) -> true);
		// The gateway is the one WebFlux service.
		defaults.put("service-defaults-servlet.yml", (name) -> !name.equals("gateway-service"));
		defaults.put("service-defaults-jdbc.yml",
				(name) -> Yaml.read(Project.file(name + "/pom.xml")).contains("<artifactId>postgresql</artifactId>"));
		return defaults;
	}

	static List<ServiceConfig> all() {
		return SERVICES.stream().map(ServiceConfig::of).toList();
	}

	/**
	 * The port it listens on: {@code server.port} with its placeholder's default.
	 */
	int port() {
		return Integer.parseInt(resolve(String.valueOf(this.properties.get("server.port"))));
	}

	/**
	 * Whether setting this environment variable changes the service's configuration.
	 */
	boolean reads(String variable) {
		if (this.placeholders.containsKey(variable) || FRAMEWORK_VARIABLES.containsKey(variable)) {
			return true;
		}
		return this.properties.keySet().stream().anyMatch((property) -> environmentName(property).equals(variable));
	}

	/**
	 * The placeholders whose default points at this machine (localhost), other than its
	 * own advertised host: in a container they must be set.
	 */
	Set<String> connections() {
		Set<String> connections = new LinkedHashSet<>();
		this.placeholders.forEach((variable, value) -> {
			if (value.contains("localhost") && !variable.equals(advertisedHost())) {
				connections.add(variable);
			}
		});
		return connections;
	}

	/**
	 * The placeholder of the host name it registers in Eureka under
	 * ({@code eureka.instance.hostname}), or {@code null}.
	 */
	String advertisedHost() {
		Object hostname = this.properties.get("eureka.instance.hostname");
		if (hostname == null) {
			return null;
		}
		Matcher matcher = PLACEHOLDER.matcher(hostname.toString());
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * The database of its default DB_URL, by convention also its role.
	 */
	Optional<String> database() {
		return Optional.ofNullable(this.placeholders.get("DB_URL"))
			.map((url) -> URI.create(url.substring("jdbc:".length())).getPath().substring(1));
	}

	String defaultOf(String variable) {
		return this.placeholders.get(variable);
	}

	boolean exposesProbes() {
		return Boolean.TRUE.equals(this.properties.get("management.endpoint.health.probes.enabled"))
				&& String.valueOf(this.properties.get("management.endpoints.web.exposure.include")).contains("health");
	}

	/**
	 * The services its gateway routes reach ({@code lb://name}); empty for other
	 * services.
	 */
	Set<String> routedServices() {
		Set<String> routed = new LinkedHashSet<>();
		Object routes = Yaml.at(nested(), "spring", "cloud", "gateway", "server", "webflux", "routes");
		if (routes instanceof List<?> list) {
			for (Object route : list) {
				String uri = Yaml.string(route, "uri");
				if (uri != null && uri.startsWith("lb://")) {
					routed.add(uri.substring("lb://".length()));
				}
			}
		}
		return routed;
	}

	/**
	 * The services it calls directly: order-service names each dependency under
	 * {@code order.dependencies.<name>}, reached as {@code <name>-service}.
	 */
	Set<String> calledServices() {
		Set<String> called = new LinkedHashSet<>();
		Yaml.map(nested(), "order", "dependencies")
			.keySet()
			.forEach((dependency) -> called.add(dependency + "-service"));
		return called;
	}

	private Map<String, Object> nested() {
		return Yaml.loadAll(Project.file(this.name + "/src/main/resources/application.yml")).get(0);
	}

	private String resolve(String value) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		return matcher.replaceAll((match) -> Matcher.quoteReplacement((match.group(2) != null) ? match.group(2) : ""));
	}

	/**
	 * The environment variable that sets a property: upper case, dots to underscores,
	 * dashes removed ({@code eureka.instance.instance-id} is
	 * {@code EUREKA_INSTANCE_INSTANCEID}).
	 */
	static String environmentName(String property) {
		return property.replace("-", "").replace('.', '_').toUpperCase();
	}

}
