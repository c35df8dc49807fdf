package dev.cloudshop.k8s;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Prometheus configuration file of {@code observability/prometheus}: the rule files it
 * loads and the other hosts it connects to (Eureka, static scrape targets, Alertmanager).
 *
 * @param file the file, relative to the repository
 * @param document the parsed file
 */
record PrometheusConfig(String file, Map<String, Object> document) {

	static PrometheusConfig read(String file) {
		return new PrometheusConfig(file, Yaml.loadAll(Project.file(file)).get(0));
	}

	/** A configuration read from elsewhere, e.g. a ConfigMap, named for messages. */
	static PrometheusConfig parse(String name, String text) {
		return new PrometheusConfig(name, Yaml.loadAll(text).get(0));
	}

	List<String> ruleFiles() {
		return ((List<?>) this.document.getOrDefault("rule_files", List.of())).stream().map(String::valueOf).toList();
	}

	/**
	 * Every host and port it connects to other than itself ({@code localhost:9090}).
	 */
	List<Endpoint> endpoints() {
		List<String> addresses = new ArrayList<>();
		for (Map<String, Object> scrape : Yaml.maps(this.document, "scrape_configs")) {
			for (Map<String, Object> eureka : Yaml.maps(scrape, "eureka_sd_configs")) {
				URI server = URI.create(eureka.get("server").toString());
				addresses.add(server.getHost() + ":" + server.getPort());
			}
			targets(scrape, addresses);
		}
		for (Map<String, Object> alertmanager : Yaml.maps(this.document, "alerting", "alertmanagers")) {
			targets(alertmanager, addresses);
		}
		return addresses.stream()
			.filter((address) -> !address.equals("localhost:9090"))
			.map((address) -> new Endpoint(address.substring(0, address.lastIndexOf(':')),
					Integer.parseInt(address.substring(address.lastIndexOf(':') + 1))))
			.toList();
	}

	/**
	 * The Eureka servers its service discovery asks.
	 */
	List<String> eurekaServers() {
		List<String> servers = new ArrayList<>();
		for (Map<String, Object> scrape : Yaml.maps(this.document, "scrape_configs")) {
			Yaml.maps(scrape, "eureka_sd_configs").forEach((eureka) -> servers.add(eureka.get("server").toString()));
		}
		return servers;
	}

	private static void targets(Map<String, Object> config, List<String> addresses) {
		for (Map<String, Object> statics : Yaml.maps(config, "static_configs")) {
			((List<?>) statics.getOrDefault("targets", List.of()))
				.forEach((target) -> addresses.add(target.toString()));
		}
	}

}
