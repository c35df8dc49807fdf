package dev.cloudshop.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zipkin, Prometheus, Alertmanager and Grafana in each overlay: pinned images, probes on
 * their health endpoints, the repository's own configuration, rules and dashboards in
 * their ConfigMaps, and every service's spans sent to the Zipkin Service.
 */
class ObservabilityManifestTests {

	/**
	 * The tools, with the image each runs, its port and its liveness and readiness paths.
	 */
	private static final List<Tool> TOOLS = List.of(new Tool("zipkin", "openzipkin/zipkin", 9411, "/health", "/health"),
			new Tool("prometheus", "prom/prometheus", 9090, "/-/healthy", "/-/ready"),
			new Tool("alertmanager", "prom/alertmanager", 9093, "/-/healthy", "/-/ready"),
			new Tool("grafana", "grafana/grafana", 3000, "/api/health", "/api/health"));

	private static final String ZIPKIN_ENDPOINT = "http://zipkin:9411/api/v2/spans";

	/**
	 * kubectl apply (client side) keeps the whole object in an annotation of at most
	 * this.
	 */
	private static final int LAST_APPLIED_LIMIT = 256 * 1024;

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void eachToolRunsAPinnedImageWithProbesOnItsHealthEndpointsBehindItsService(String overlay) {
		Cluster cluster = Cluster.render(overlay);
		List<String> errors = new ArrayList<>();
		for (Tool tool : TOOLS) {
			var deployment = cluster.find("Deployment", tool.name());
			if (deployment.isEmpty()) {
				errors.add("No Deployment " + tool.name());
				continue;
			}
			Map<String, Object> container = Cluster.container(deployment.get(), tool.name());
			String image = container.get("image").toString();
			if (!image.matches(java.util.regex.Pattern.quote(tool.image()) + ":v?[0-9][0-9.]*")) {
				errors.add(tool.name() + " runs " + image + ", not " + tool.image() + " pinned to a version");
			}
			errors.addAll(probe(container, "livenessProbe", tool.liveness(), tool.port()));
			errors.addAll(probe(container, "readinessProbe", tool.readiness(), tool.port()));
			var service = cluster.find("Service", tool.name());
			boolean served = service.isPresent()
					&& tool.name().equals(Yaml.string(service.get(), "spec", "selector", "app.kubernetes.io/name"))
					&& Yaml.maps(service.get(), "spec", "ports")
						.stream()
						.anyMatch((port) -> port.get("port").equals(tool.port())
								&& Cluster.containerPort(container, port.get("targetPort")) == tool.port());
			if (!served) {
				errors.add("No Service " + tool.name() + " on port " + tool.port() + " to its pods");
			}
		}
		assertThat(errors).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyServiceButTheRegistrySendsItsSpansToZipkinAndMayReachIt(String overlay) {
		Cluster cluster = Cluster.render(overlay);
		List<String> errors = new ArrayList<>();
		for (ServiceConfig config : ServiceConfig.all()) {
			if (config.name().equals("discovery-service")) {
				continue;
			}
			Map<String, Object> container = Cluster.container(cluster.find("Deployment", config.name()).orElseThrow(),
					config.name());
			Cluster.EnvironmentValue endpoint = cluster.environment(container).get("CLOUDSHOP_TRACING_ZIPKIN_ENDPOINT");
			if (endpoint == null || !endpoint.value().equals(ZIPKIN_ENDPOINT)) {
				errors.add(config.name() + " must send its spans to " + ZIPKIN_ENDPOINT + ", not "
						+ ((endpoint != null) ? endpoint.value() : "nowhere"));
			}
			if (!allows(cluster, config.name(), "zipkin", 9411)) {
				errors.add("No NetworkPolicy lets " + config.name() + " reach zipkin:9411");
			}
		}
		assertThat(errors).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void prometheusRunsTheRepositorysConfigurationAndRulesAndMayReachWhatItScrapes(String overlay) {
		Cluster cluster = Cluster.render(overlay);
		Map<String, Object> prometheus = cluster.find("Deployment", "prometheus").orElseThrow();
		assertThat(Yaml.at(Cluster.container(prometheus, "prometheus"), "args")).asList()
			.contains("--config.file=/etc/prometheus/prometheus.yml");
		Map<String, String> expected = new TreeMap<>();
		expected.put("prometheus.yml", read("observability/prometheus/prometheus-containers.yml"));
		files("observability/prometheus/rules", ".yml").forEach((name, text) -> expected.put("rules/" + name, text));
		assertThat(new TreeMap<>(cluster.mountedFiles(prometheus, "prometheus", "/etc/prometheus")))
			.as("/etc/prometheus: observability/prometheus's containers configuration and every rule file")
			.isEqualTo(expected);
		PrometheusConfig config = PrometheusConfig.parse("prometheus.yml", expected.get("prometheus.yml"));
		assertThat(config.ruleFiles()).allSatisfy((file) -> assertThat(expected).containsKey(file));
		List<String> errors = new ArrayList<>();
		for (Map.Entry<String, List<Endpoint>> entry : connections(cluster).entrySet()) {
			for (Endpoint endpoint : entry.getValue()) {
				String app = cluster.find("Service", endpoint.host())
					.map((service) -> Yaml.string(service, "spec", "selector", "app.kubernetes.io/name"))
					.orElse(null);
				if (app == null) {
					errors.add(entry.getKey() + " reaches " + endpoint + ", which is no Service");
				}
				else if (!allows(cluster, entry.getKey(), app, endpoint.port())) {
					errors.add("No NetworkPolicy lets " + entry.getKey() + " reach " + endpoint);
				}
			}
		}
		assertThat(errors).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void alertmanagerRunsTheRepositorysConfigurationAndTemplates(String overlay) {
		Cluster cluster = Cluster.render(overlay);
		Map<String, Object> alertmanager = cluster.find("Deployment", "alertmanager").orElseThrow();
		assertThat(Yaml.at(Cluster.container(alertmanager, "alertmanager"), "args")).asList()
			.contains("--config.file=/etc/alertmanager/alertmanager.yml");
		Map<String, String> expected = new TreeMap<>();
		expected.put("alertmanager.yml", read("observability/alertmanager/alertmanager.yml"));
		files("observability/alertmanager/templates", ".tmpl")
			.forEach((name, text) -> expected.put("templates/" + name, text));
		assertThat(new TreeMap<>(cluster.mountedFiles(alertmanager, "alertmanager", "/etc/alertmanager")))
			.isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void grafanaProvisionsEveryDashboardOfTheRepositoryAndItsDataSources(String overlay) {
		Cluster cluster = Cluster.render(overlay);
		Map<String, Object> grafana = cluster.find("Deployment", "grafana").orElseThrow();
		Map<String, String> dashboards = cluster.mountedFiles(grafana, "grafana", "/etc/grafana/dashboards");
		assertThat(new TreeMap<>(dashboards))
			.as("/etc/grafana/dashboards: every file of observability/grafana/dashboards")
			.isEqualTo(files("observability/grafana/dashboards", ".json"));
		int size = dashboards.values().stream().mapToInt((text) -> text.getBytes(StandardCharsets.UTF_8).length).sum();
		assertThat(size).as("the dashboards' bytes, within kubectl apply's last-applied-configuration annotation")
			.isLessThan(LAST_APPLIED_LIMIT);
		assertThat(cluster.mountedFiles(grafana, "grafana", "/etc/grafana/provisioning/datasources"))
			.isEqualTo(files("observability/grafana/provisioning/datasources", ".yml"));
		Map<String, String> providers = cluster.mountedFiles(grafana, "grafana",
				"/etc/grafana/provisioning/dashboards");
		assertThat(providers).isEqualTo(files("observability/grafana/provisioning/dashboards", ".yml"));
		assertThat(providers.values())
			.allSatisfy((provider) -> assertThat(provider).contains("path: /etc/grafana/dashboards"));
		Cluster.EnvironmentValue password = cluster.environment(Cluster.container(grafana, "grafana"))
			.get("GF_SECURITY_ADMIN_PASSWORD");
		assertThat(password).as("Grafana's admin password").isNotNull();
		assertThat(password.secret()).as("Grafana's admin password comes from a Secret").isTrue();
	}

	/**
	 * The hosts and ports each observability tool connects to, by the name of its pods:
	 * Prometheus to Eureka, Alertmanager and what its configuration scrapes, and to every
	 * service that registers in Eureka (its pods are scraped on their port); Grafana to
	 * its data sources; every service to the Zipkin endpoint it is given.
	 */
	static Map<String, List<Endpoint>> connections(Cluster cluster) {
		Map<String, List<Endpoint>> connections = new LinkedHashMap<>();
		cluster.find("Deployment", "prometheus").ifPresent((prometheus) -> {
			String text = cluster.mountedFiles(prometheus, "prometheus", "/etc/prometheus").get("prometheus.yml");
			List<Endpoint> endpoints = new ArrayList<>(PrometheusConfig.parse("prometheus.yml", text).endpoints());
			for (ServiceConfig config : ServiceConfig.all()) {
				if (config.connections().contains("EUREKA_URL")) {
					endpoints.add(new Endpoint(config.name(), config.port()));
				}
			}
			connections.put(Cluster.appOf(prometheus), endpoints);
		});
		cluster.find("Deployment", "grafana").ifPresent((grafana) -> {
			List<Endpoint> endpoints = new ArrayList<>();
			cluster.mountedFiles(grafana, "grafana", "/etc/grafana/provisioning/datasources")
				.values()
				.forEach((text) -> Yaml.maps(Yaml.loadAll(text).get(0), "datasources").forEach((source) -> {
					URI url = URI.create(source.get("url").toString());
					endpoints.add(new Endpoint(url.getHost(), url.getPort()));
				}));
			connections.put(Cluster.appOf(grafana), endpoints);
		});
		for (ServiceConfig config : ServiceConfig.all()) {
			Map<String, Object> container = Cluster.container(cluster.find("Deployment", config.name()).orElseThrow(),
					config.name());
			Cluster.EnvironmentValue zipkin = cluster.environment(container).get("CLOUDSHOP_TRACING_ZIPKIN_ENDPOINT");
			if (zipkin != null) {
				URI url = URI.create(zipkin.value());
				connections.computeIfAbsent(config.name(), (name) -> new ArrayList<>())
					.add(new Endpoint(url.getHost(), url.getPort()));
			}
		}
		return connections;
	}

	/**
	 * Whether a NetworkPolicy lets the pods of one app reach those of another on a port
	 * (a rule naming the source's pods, or open to every pod).
	 */
	private static boolean allows(Cluster cluster, String source, String target, int port) {
		for (Map<String, Object> policy : cluster.all("NetworkPolicy")) {
			if (!target.equals(Yaml.string(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"))) {
				continue;
			}
			for (Map<String, Object> rule : Yaml.maps(policy, "spec", "ingress")) {
				boolean onPort = Yaml.maps(rule, "ports")
					.stream()
					.anyMatch((candidate) -> candidate.get("port").equals(port));
				List<Map<String, Object>> peers = Yaml.maps(rule, "from");
				boolean fromSource = peers.isEmpty() || peers.stream()
					.anyMatch((peer) -> !peer.containsKey("namespaceSelector") && source
						.equals(Yaml.string(peer, "podSelector", "matchLabels", "app.kubernetes.io/name")));
				if (onPort && fromSource) {
					return true;
				}
			}
		}
		return false;
	}

	private static List<String> probe(Map<String, Object> container, String kind, String path, int port) {
		Map<String, Object> probe = Yaml.map(container, kind);
		String name = container.get("name") + " " + kind;
		if (probe.isEmpty()) {
			return List.of(name + " is missing");
		}
		if (!path.equals(Yaml.string(probe, "httpGet", "path"))
				|| Cluster.containerPort(container, Yaml.at(probe, "httpGet", "port")) != port) {
			return List.of(name + " must GET " + path + " on port " + port);
		}
		return List.of();
	}

	private static String read(String file) {
		return Yaml.read(Project.file(file));
	}

	/**
	 * The files of a repository directory ending in a suffix, by name, with their text.
	 */
	private static Map<String, String> files(String directory, String suffix) {
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.list(Project.file(directory))) {
			paths.filter((path) -> path.getFileName().toString().endsWith(suffix))
				.forEach((path) -> files.put(path.getFileName().toString(), Yaml.read(path)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	/**
	 * One observability tool.
	 *
	 * @param name its Deployment, container and Service
	 * @param image its image without the tag
	 * @param port its port
	 * @param liveness its liveness probe's path
	 * @param readiness its readiness probe's path
	 */
	record Tool(String name, String image, int port, String liveness, String readiness) {
	}

}
