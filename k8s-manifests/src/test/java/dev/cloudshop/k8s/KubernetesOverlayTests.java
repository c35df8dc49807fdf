package dev.cloudshop.k8s;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cloudshop.k8s.Cluster.EnvironmentValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each overlay under {@code k8s/overlays}, rendered by kustomize, checked against the
 * Kubernetes API and against the services' own configuration. Errors are collected so
 * that one run names every drift.
 */
class KubernetesOverlayTests {

	private static final String NAMESPACE = "cloudshop";

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyObjectIsValidForTheKubernetesApiAndInTheNamespace(String overlay) {
		Cluster cluster = Cluster.render(overlay);
		List<String> errors = new ArrayList<>();
		for (Map<String, Object> object : cluster.objects()) {
			String id = object.get("kind") + " " + Cluster.name(object);
			try {
				KubernetesApi.validate(object);
			}
			catch (IllegalArgumentException ex) {
				errors.add(id + ": " + ex.getMessage());
			}
			if (!"Namespace".equals(object.get("kind"))
					&& !NAMESPACE.equals(Yaml.string(object, "metadata", "namespace"))) {
				errors.add(id + " is not in the namespace " + NAMESPACE);
			}
		}
		assertThat(cluster.find("Namespace", NAMESPACE)).isPresent();
		assertThat(errors).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyServiceRunsItsImageOnItsPortWithProbesOnItsHealthGroups(String overlay) {
		Cluster cluster = Cluster.render(overlay);
		List<String> errors = new ArrayList<>();
		for (ServiceConfig config : ServiceConfig.all()) {
			String name = config.name();
			if (!config.exposesProbes()) {
				errors.add(name + "'s application.yml does not expose the liveness and readiness groups");
			}
			var deployment = cluster.find("Deployment", name);
			if (deployment.isEmpty()) {
				errors.add("No Deployment " + name);
				continue;
			}
			Map<String, Object> container = Cluster.container(deployment.get(), name);
			String image = container.get("image").toString();
			if (!image.matches("(.+/)?cloudshop/" + name + ":[^:/]+")) {
				errors.add(name + " runs the image " + image + ", not cloudshop/" + name + " with a tag");
			}
			Set<Integer> ports = new TreeSet<>();
			Yaml.maps(container, "ports").forEach((port) -> ports.add((Integer) port.get("containerPort")));
			if (!ports.equals(Set.of(config.port()))) {
				errors.add(name + " declares container ports " + ports + "; its server.port is " + config.port());
			}
			EnvironmentValue port = cluster.environment(container).get("PORT");
			if (port != null && !port.value().equals(String.valueOf(config.port()))) {
				errors.add(name + " sets PORT=" + port.value() + " but its container port is " + config.port());
			}
			errors.addAll(probe(container, "startupProbe", "/actuator/health/liveness", config.port()));
			errors.addAll(probe(container, "livenessProbe", "/actuator/health/liveness", config.port()));
			errors.addAll(probe(container, "readinessProbe", "/actuator/health/readiness", config.port()));
			var service = cluster.find("Service", name);
			if (service.isEmpty()) {
				errors.add("No Service " + name);
				continue;
			}
			if (!name.equals(Yaml.string(service.get(), "spec", "selector", "app.kubernetes.io/name"))
					|| !name.equals(Cluster.appOf(deployment.get()))) {
				errors.add("Service " + name + " does not select the pods of Deployment " + name);
			}
			for (Map<String, Object> servicePort : Yaml.maps(service.get(), "spec", "ports")) {
				int target = Cluster.containerPort(container, servicePort.get("targetPort"));
				if (!servicePort.get("port").equals(config.port()) || target != config.port()) {
					errors.add("Service " + name + " maps " + servicePort.get("port") + " to " + target
							+ "; the service listens on " + config.port());
				}
			}
		}
		assertThat(errors).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyEnvironmentVariableIsOneTheServiceReadsAndEveryConnectionIsSet(String overlay) {
		Cluster cluster = Cluster.render(overlay);
		List<String> errors = new ArrayList<>();
		for (ServiceConfig config : ServiceConfig.all()) {
			Map<String, Object> container = Cluster.container(cluster.find("Deployment", config.name()).orElseThrow(),
					config.name());
			Map<String, EnvironmentValue> environment = cluster.environment(container);
			environment.keySet()
				.stream()
				.filter((variable) -> !config.reads(variable))
				.forEach((variable) -> errors.add(config.name() + " is given " + variable
						+ ", which is neither a placeholder nor a property of its application.yml"));
			config.connections()
				.stream()
				.filter((variable) -> !environment.containsKey(variable))
				.forEach((variable) -> errors.add(
						config.name() + " needs " + variable + " (its default is " + config.defaultOf(variable) + ")"));
			String advertisedHost = config.advertisedHost();
			EnvironmentValue preferIp = environment.get("EUREKA_INSTANCE_PREFERIPADDRESS");
			boolean registersPodIp = preferIp != null && preferIp.value().equals("true");
			if (advertisedHost != null && !registersPodIp) {
				EnvironmentValue host = environment.get(advertisedHost);
				String service = (host != null) ? host.value() : config.defaultOf(advertisedHost);
				boolean ownService = cluster.find("Service", service)
					.map((candidate) -> config.name()
						.equals(Yaml.string(candidate, "spec", "selector", "app.kubernetes.io/name")))
					.orElse(false);
				if (!ownService) {
					errors.add(config.name() + " registers in Eureka as " + service
							+ ", which is not its own Service; set it or EUREKA_INSTANCE_PREFERIPADDRESS=true");
				}
			}
			if (config.placeholders().containsKey("DB_PASSWORD")) {
				EnvironmentValue password = environment.get("DB_PASSWORD");
				if (password == null || !password.secret()) {
					errors.add(config.name() + " must take DB_PASSWORD from a Secret");
				}
			}
		}
		assertThat(errors).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyConnectionReachesAServiceOfTheClusterOnAPortItsPodsListenOn(String overlay) {
		Cluster cluster = Cluster.render(overlay);
		List<String> errors = new ArrayList<>();
		for (ServiceConfig config : ServiceConfig.all()) {
			Map<String, String> environment = values(cluster, config);
			for (String variable : config.connections()) {
				if (!environment.containsKey(variable)) {
					continue;
				}
				for (Endpoint endpoint : Endpoint.of(variable, environment, config)) {
					String problem = reachable(cluster, endpoint);
					if (problem != null) {
						errors.add(config.name() + " " + variable + ": " + problem);
					}
				}
			}
			config.database().ifPresent((database) -> {
				String url = environment.get("DB_URL");
				if (url == null || !url.endsWith("/" + database)) {
					errors.add(config.name() + " must use its own database " + database + ", not " + url);
				}
				if (!database.equals(environment.get("DB_USER"))) {
					errors.add(config.name() + " must log in as the role " + database);
				}
			});
		}
		assertThat(errors).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void postgresCreatesEveryServicesDatabaseWithThePasswordFromThatServicesSecret(String overlay) {
		Cluster cluster = Cluster.render(overlay);
		Map<String, Object> postgres = cluster.find("StatefulSet", "postgres").orElseThrow();
		Map<String, EnvironmentValue> environment = cluster.environment(Cluster.container(postgres, "postgres"));
		List<String> errors = new ArrayList<>();
		Map<String, String> createdWithPassword = InitScript.databases();
		for (ServiceConfig config : ServiceConfig.all()) {
			config.database().ifPresent((database) -> {
				String variable = createdWithPassword.get(database);
				if (variable == null) {
					errors.add("init-databases.sh does not create " + database);
					return;
				}
				EnvironmentValue password = environment.get(variable);
				String servicePassword = values(cluster, config).get("DB_PASSWORD");
				if (password == null || !password.secret() || !password.value().equals(servicePassword)) {
					errors.add("postgres's " + variable + " must come from " + config.name() + "'s DB_PASSWORD");
				}
			});
		}
		assertThat(errors).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void networkPoliciesAllowExactlyTheConnectionsTheServicesMake(String overlay) {
		Cluster cluster = Cluster.render(overlay);
		assertThat(cluster.all("NetworkPolicy")).anySatisfy((policy) -> {
			assertThat(Yaml.map(policy, "spec", "podSelector")).isEmpty();
			assertThat(Yaml.at(policy, "spec", "policyTypes")).isEqualTo(List.of("Ingress"));
			assertThat(Yaml.at(policy, "spec", "ingress")).isNull();
		});
		Set<String> required = new TreeSet<>();
		for (ServiceConfig config : ServiceConfig.all()) {
			Map<String, String> environment = values(cluster, config);
			for (String variable : config.connections()) {
				for (Endpoint endpoint : Endpoint.of(variable, environment, config)) {
					Map<String, Object> service = cluster.find("Service", endpoint.host()).orElseThrow();
					String target = Yaml.string(service, "spec", "selector", "app.kubernetes.io/name");
					required.add(config.name() + " -> " + target + ":" + targetPort(cluster, service, endpoint.port()));
				}
			}
			Set<String> callees = new LinkedHashSet<>(config.routedServices());
			callees.addAll(config.calledServices());
			for (String callee : callees) {
				required.add(config.name() + " -> " + callee + ":" + ServiceConfig.of(callee).port());
			}
		}
		// Spans to Zipkin, Prometheus' discovery, scrapes and alerts, Grafana's data
		// sources.
		ObservabilityManifestTests.connections(cluster).forEach((source, endpoints) -> {
			for (Endpoint endpoint : endpoints) {
				Map<String, Object> service = cluster.find("Service", endpoint.host()).orElseThrow();
				String target = Yaml.string(service, "spec", "selector", "app.kubernetes.io/name");
				required.add(source + " -> " + target + ":" + targetPort(cluster, service, endpoint.port()));
			}
		});
		Set<String> allowed = new TreeSet<>();
		Set<String> openToAll = new TreeSet<>();
		Set<String> openToOutside = new TreeSet<>();
		for (Map<String, Object> policy : cluster.all("NetworkPolicy")) {
			String target = Yaml.string(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name");
			for (Map<String, Object> rule : Yaml.maps(policy, "spec", "ingress")) {
				List<Object> ports = Yaml.maps(rule, "ports").stream().map((port) -> port.get("port")).toList();
				List<Map<String, Object>> peers = Yaml.maps(rule, "from");
				if (peers.isEmpty()) {
					openToOutside.add(target + ":" + ports);
					ports.forEach((port) -> openToAll.add(target + ":" + port));
				}
				for (Map<String, Object> peer : peers) {
					String source = Yaml.string(peer, "podSelector", "matchLabels", "app.kubernetes.io/name");
					if (source == null || peer.containsKey("namespaceSelector")) {
						openToOutside.add(target + ":" + ports);
						continue;
					}
					ports.forEach((port) -> allowed.add(source + " -> " + target + ":" + port));
				}
			}
		}
		// A port open to every pod (the gateway's, in the base) needs no rule per caller.
		required.removeIf((connection) -> openToAll.contains(connection.substring(connection.indexOf(" -> ") + 4)));
		assertThat(allowed).as("connections the NetworkPolicies allow").isEqualTo(required);
		assertThat(openToOutside).as("what is reachable from outside the namespace")
			.containsExactly("gateway-service:[8080]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyContainerIsHardenedAndSized(String overlay) {
		Cluster cluster = Cluster.render(overlay);
		List<String> errors = new ArrayList<>();
		for (Map<String, Object> workload : cluster.workloads()) {
			String name = Cluster.name(workload);
			Map<String, Object> pod = Yaml.map(workload, "spec", "template", "spec");
			if (!Boolean.TRUE.equals(Yaml.at(pod, "securityContext", "runAsNonRoot"))) {
				errors.add(name + ": runAsNonRoot");
			}
			if (!"RuntimeDefault".equals(Yaml.string(pod, "securityContext", "seccompProfile", "type"))) {
				errors.add(name + ": seccomp RuntimeDefault");
			}
			if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
				errors.add(name + ": automountServiceAccountToken false");
			}
			List<Map<String, Object>> containers = new ArrayList<>(Cluster.containers(workload));
			containers.addAll(Cluster.initContainers(workload));
			for (Map<String, Object> container : containers) {
				String id = name + "/" + container.get("name");
				Map<String, Object> security = Yaml.map(container, "securityContext");
				if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
					errors.add(id + ": allowPrivilegeEscalation false");
				}
				if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
					errors.add(id + ": readOnlyRootFilesystem");
				}
				if (!List.of("ALL").equals(Yaml.at(security, "capabilities", "drop"))) {
					errors.add(id + ": capabilities drop ALL");
				}
				for (String bound : List.of("requests", "limits")) {
					for (String resource : List.of("cpu", "memory")) {
						if (Yaml.at(container, "resources", bound, resource) == null) {
							errors.add(id + ": resources." + bound + "." + resource);
						}
					}
				}
				if (container.get("image").toString().contains("cloudshop/")) {
					if (!Integer.valueOf(1000).equals(Yaml.at(pod, "securityContext", "runAsUser"))) {
						errors.add(id + ": runs as uid 1000, the image's user");
					}
					boolean writableTmp = Yaml.maps(container, "volumeMounts")
						.stream()
						.anyMatch((mount) -> "/tmp".equals(mount.get("mountPath")));
					if (!writableTmp) {
						errors.add(id + ": an emptyDir at /tmp");
					}
				}
			}
		}
		assertThat(errors).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void autoscalersScaleOrderAndImageServiceOnCpu(String overlay) {
		Cluster cluster = Cluster.render(overlay);
		List<String> scaled = new ArrayList<>();
		for (Map<String, Object> autoscaler : cluster.all("HorizontalPodAutoscaler")) {
			String target = Yaml.string(autoscaler, "spec", "scaleTargetRef", "name");
			scaled.add(target);
			Map<String, Object> deployment = cluster.find("Deployment", target).orElseThrow();
			assertThat(Yaml.string(autoscaler, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
			assertThat(Yaml.string(autoscaler, "spec", "metrics")).contains("name=cpu", "type=Utilization");
			assertThat(Yaml.at(Cluster.container(deployment, target), "resources", "requests", "cpu"))
				.as("utilization is measured against the CPU request")
				.isNotNull();
			int min = (Integer) Yaml.at(autoscaler, "spec", "minReplicas");
			int max = (Integer) Yaml.at(autoscaler, "spec", "maxReplicas");
			assertThat(min).isPositive().isLessThan(max);
		}
		assertThat(scaled).containsExactlyInAnyOrder("order-service", "image-service");
	}

	@Test
	void localOverlayRunsOneReplicaOfTheLocallyBuiltImages() {
		Cluster cluster = Cluster.render("local");
		assertThat(cluster.workloads()).allSatisfy((workload) -> {
			assertThat(Yaml.at(workload, "spec", "replicas")).isEqualTo(1);
			for (Map<String, Object> container : Cluster.containers(workload)) {
				assertThat(container.get("imagePullPolicy")).isEqualTo("IfNotPresent");
				if (container.get("image").toString().contains("cloudshop/")) {
					assertThat(container.get("image").toString()).matches("cloudshop/[a-z-]+:latest");
				}
			}
		});
		assertThat(cluster.all("PodDisruptionBudget")).isEmpty();
	}

	@Test
	void productionOverlayPinsImagesRunsReplicasAndBudgetsThem() {
		Cluster cluster = Cluster.render("production");
		List<String> errors = new ArrayList<>();
		for (Map<String, Object> workload : cluster.workloads()) {
			List<Map<String, Object>> containers = new ArrayList<>(Cluster.containers(workload));
			containers.addAll(Cluster.initContainers(workload));
			for (Map<String, Object> container : containers) {
				String image = container.get("image").toString();
				if (!image.matches(".+:[^:/]+") || image.endsWith(":latest")) {
					errors.add(Cluster.name(workload) + " runs " + image + ", not a pinned tag");
				}
			}
		}
		for (String name : ServiceConfig.SERVICES) {
			if (name.equals("discovery-service")) {
				continue;
			}
			Map<String, Object> deployment = cluster.find("Deployment", name).orElseThrow();
			int replicas = (Integer) Yaml.at(deployment, "spec", "replicas");
			if (replicas < 2) {
				errors.add(name + " runs " + replicas + " replica");
			}
			boolean budgeted = cluster.all("PodDisruptionBudget")
				.stream()
				.anyMatch((budget) -> name
					.equals(Yaml.string(budget, "spec", "selector", "matchLabels", "app.kubernetes.io/name"))
						&& ((Integer) Yaml.at(budget, "spec", "minAvailable")) < replicas);
			if (!budgeted) {
				errors.add(name + " has no PodDisruptionBudget that a drain can satisfy");
			}
		}
		cluster.all("HorizontalPodAutoscaler").forEach((autoscaler) -> {
			if ((Integer) Yaml.at(autoscaler, "spec", "minReplicas") < 2) {
				errors.add(Cluster.name(autoscaler) + " may scale down to one replica");
			}
		});
		Map<String, Object> ingress = cluster.find("Ingress", "gateway-service").orElseThrow();
		if (Yaml.maps(ingress, "spec", "tls").isEmpty()
				|| Yaml.maps(ingress, "spec", "rules").get(0).get("host") == null) {
			errors.add("The Ingress needs a host and TLS");
		}
		assertThat(errors).isEmpty();
	}

	@Test
	void postgresInitScriptIsTheOneDockerComposeRuns() {
		assertThat(Yaml.read(Project.file("k8s/base/postgres/init-databases.sh")))
			.as("k8s/base/postgres/init-databases.sh must be a copy of docker/postgres/init-databases.sh")
			.isEqualTo(Yaml.read(Project.file("docker/postgres/init-databases.sh")));
	}

	private static List<String> probe(Map<String, Object> container, String kind, String path, int port) {
		Map<String, Object> probe = Yaml.map(container, kind);
		String name = container.get("name") + " " + kind;
		if (probe.isEmpty()) {
			return List.of(name + " is missing");
		}
		List<String> errors = new ArrayList<>();
		if (!path.equals(Yaml.string(probe, "httpGet", "path"))) {
			errors.add(name + " must GET " + path + ", not " + Yaml.string(probe, "httpGet", "path"));
		}
		else if (Cluster.containerPort(container, Yaml.at(probe, "httpGet", "port")) != port) {
			errors.add(name + " must probe port " + port);
		}
		return errors;
	}

	private static Map<String, String> values(Cluster cluster, ServiceConfig config) {
		Map<String, Object> container = Cluster.container(cluster.find("Deployment", config.name()).orElseThrow(),
				config.name());
		Map<String, String> values = new java.util.LinkedHashMap<>();
		cluster.environment(container).forEach((variable, value) -> values.put(variable, value.value()));
		return values;
	}

	/**
	 * Null when a Service of that name has that port and selects pods listening behind
	 * it.
	 */
	private static String reachable(Cluster cluster, Endpoint endpoint) {
		var service = cluster.find("Service", endpoint.host());
		if (service.isEmpty()) {
			return "no Service " + endpoint.host();
		}
		try {
			targetPort(cluster, service.get(), endpoint.port());
			return null;
		}
		catch (AssertionError ex) {
			return ex.getMessage();
		}
	}

	private static int targetPort(Cluster cluster, Map<String, Object> service, int port) {
		String name = Cluster.name(service);
		Map<String, Object> servicePort = Yaml.maps(service, "spec", "ports")
			.stream()
			.filter((candidate) -> candidate.get("port").equals(port))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Service " + name + " has no port " + port));
		String app = Yaml.string(service, "spec", "selector", "app.kubernetes.io/name");
		Map<String, Object> workload = cluster.workloadOf(app)
			.orElseThrow(() -> new AssertionError("Service " + name + " selects no pods"));
		Object target = servicePort.getOrDefault("targetPort", port);
		for (Map<String, Object> container : Cluster.containers(workload)) {
			boolean listens = Yaml.maps(container, "ports")
				.stream()
				.anyMatch((candidate) -> candidate.get("containerPort").equals(target)
						|| target.equals(candidate.get("name")));
			if (listens) {
				return Cluster.containerPort(container, target);
			}
		}
		throw new AssertionError(
				"Service " + name + " targets " + target + ", which no container of " + app + " declares");
	}

	/**
	 * The databases {@code init-databases.sh} creates, with the variable of each one's
	 * password.
	 */
	static final class InitScript {

		private static final Pattern CREATE = Pattern.compile("^create_database (\\w+) \"\\$\\{(\\w+):-\\w+}\"$",
				Pattern.MULTILINE);

		private InitScript() {
		}

		static Map<String, String> databases() {
			Map<String, String> databases = new java.util.LinkedHashMap<>();
			Matcher matcher = CREATE.matcher(Yaml.read(Project.file("docker/postgres/init-databases.sh")));
			while (matcher.find()) {
				databases.put(matcher.group(1), matcher.group(2));
			}
			return databases;
		}

	}

}
