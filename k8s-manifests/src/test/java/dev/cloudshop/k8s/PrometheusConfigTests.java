package dev.cloudshop.k8s;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code observability/prometheus/prometheus-containers.yml}, the configuration compose
 * and Kubernetes run, is the local stack's {@code prometheus.yml} with the containers'
 * addresses: the same rules, jobs, relabelling and intervals, so that a change to one
 * that is not made to the other fails here.
 */
class PrometheusConfigTests {

	/**
	 * The local stack's addresses and the containers' (compose service, Kubernetes
	 * Service).
	 */
	private static final Map<String, String> ADDRESSES = Map.of("http://localhost:8761/eureka",
			"http://discovery-service:8761/eureka", "localhost:8761", "discovery-service:8761", "localhost:9095",
			"alertmanager:9093");

	@Test
	void theContainersConfigurationIsTheLocalStacksWithTheContainersAddresses() {
		String local = Yaml.read(Project.file("observability/prometheus/prometheus.yml"));
		for (Map.Entry<String, String> address : ADDRESSES.entrySet()) {
			local = local.replace("\"" + address.getKey() + "\"", "\"" + address.getValue() + "\"")
				.replace(" " + address.getKey() + "\n", " " + address.getValue() + "\n");
		}
		Map<String, Object> expected = Yaml.loadAll(local).get(0);
		Map<String, Object> containers = PrometheusConfig.read("observability/prometheus/prometheus-containers.yml")
			.document();
		assertThat(containers).isEqualTo(expected);
	}

	@Test
	void theContainersConfigurationFindsTheServicesThroughTheDiscoveryService() {
		PrometheusConfig config = PrometheusConfig.read("observability/prometheus/prometheus-containers.yml");
		assertThat(config.eurekaServers()).containsExactly("http://discovery-service:8761/eureka");
		assertThat(config.endpoints()).contains(new Endpoint("discovery-service", 8761),
				new Endpoint("alertmanager", 9093));
	}

}
