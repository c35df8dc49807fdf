package dev.cloudshop.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects of one rendered overlay, with the look-ups the tests need.
 *
 * @param overlay the overlay's name
 * @param objects every object kustomize rendered
 */
record Cluster(String overlay, List<Map<String, Object>> objects) {

	static Cluster render(String overlay) {
		return new Cluster(overlay, Kustomize.render(overlay));
	}

	List<Map<String, Object>> all(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
	}

	Optional<Map<String, Object>> find(String kind, String name) {
		return all(kind).stream().filter((object) -> name.equals(Yaml.string(object, "metadata", "name"))).findFirst();
	}

	/** Deployments and StatefulSets. */
	List<Map<String, Object>> workloads() {
		return this.objects.stream()
			.filter((object) -> List.of("Deployment", "StatefulSet").contains(object.get("kind")))
			.toList();
	}

	/** The workload whose pods carry {@code app.kubernetes.io/name: name}. */
	Optional<Map<String, Object>> workloadOf(String app) {
		return workloads().stream().filter((workload) -> app.equals(appOf(workload))).findFirst();
	}

	static String name(Map<String, Object> object) {
		return Yaml.string(object, "metadata", "name");
	}

	static String appOf(Map<String, Object> workload) {
		return Yaml.string(workload, "spec", "template", "metadata", "labels", "app.kubernetes.io/name");
	}

	static List<Map<String, Object>> containers(Map<String, Object> workload) {
		return Yaml.maps(workload, "spec", "template", "spec", "containers");
	}

	static List<Map<String, Object>> initContainers(Map<String, Object> workload) {
		return Yaml.maps(workload, "spec", "template", "spec", "initContainers");
	}

	static Map<String, Object> container(Map<String, Object> workload, String name) {
		return containers(workload).stream()
			.filter((container) -> name.equals(container.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name(workload) + " has no container named " + name));
	}

	/**
	 * A container's environment as the pod sees it: its ConfigMaps and Secrets
	 * ({@code envFrom}), then its own {@code env} entries.
	 */
	Map<String, EnvironmentValue> environment(Map<String, Object> container) {
		Map<String, EnvironmentValue> environment = new LinkedHashMap<>();
		for (Map<String, Object> source : Yaml.maps(container, "envFrom")) {
			if (source.containsKey("configMapRef")) {
				String name = Yaml.string(source, "configMapRef", "name");
				Map<String, Object> configMap = find("ConfigMap", name)
					.orElseThrow(() -> new AssertionError("No ConfigMap " + name));
				Yaml.map(configMap, "data")
					.forEach((key, value) -> environment.put(key, new EnvironmentValue(value.toString(), false)));
			}
			if (source.containsKey("secretRef")) {
				String name = Yaml.string(source, "secretRef", "name");
				Map<String, Object> secret = find("Secret", name)
					.orElseThrow(() -> new AssertionError("No Secret " + name));
				Yaml.map(secret, "stringData")
					.forEach((key, value) -> environment.put(key, new EnvironmentValue(value.toString(), true)));
				Yaml.map(secret, "data")
					.forEach((key, value) -> environment.put(key, new EnvironmentValue(value.toString(), true)));
			}
		}
		for (Map<String, Object> variable : Yaml.maps(container, "env")) {
			String name = variable.get("name").toString();
			if (variable.containsKey("value")) {
				environment.put(name, new EnvironmentValue(variable.get("value").toString(), false));
			}
			else {
				Map<String, Object> secretKey = Yaml.map(variable, "valueFrom", "secretKeyRef");
				environment.put(name, new EnvironmentValue(secretValue(secretKey), !secretKey.isEmpty()));
			}
		}
		return environment;
	}

	private String secretValue(Map<String, Object> secretKey) {
		if (secretKey.isEmpty()) {
			return "";
		}
		String name = secretKey.get("name").toString();
		Map<String, Object> secret = find("Secret", name).orElseThrow(() -> new AssertionError("No Secret " + name));
		Object value = Yaml.map(secret, "stringData").get(secretKey.get("key").toString());
		if (value == null) {
			throw new AssertionError("Secret " + name + " has no key " + secretKey.get("key"));
		}
		return value.toString();
	}

	/**
	 * The files a container sees under a mount path, each with its content, from the
	 * ConfigMaps of the volume mounted there (a {@code configMap} volume or the
	 * {@code configMap} sources of a projected one, with their {@code items}' paths).
	 * Empty when nothing is mounted there.
	 */
	Map<String, String> mountedFiles(Map<String, Object> workload, String container, String mountPath) {
		Map<String, String> files = new LinkedHashMap<>();
		for (Map<String, Object> mount : Yaml.maps(container(workload, container), "volumeMounts")) {
			if (!mountPath.equals(mount.get("mountPath"))) {
				continue;
			}
			for (Map<String, Object> volume : Yaml.maps(workload, "spec", "template", "spec", "volumes")) {
				if (!volume.get("name").equals(mount.get("name"))) {
					continue;
				}
				List<Map<String, Object>> sources = new java.util.ArrayList<>();
				if (volume.containsKey("configMap")) {
					sources.add(Yaml.map(volume, "configMap"));
				}
				Yaml.maps(volume, "projected", "sources")
					.stream()
					.filter((source) -> source.containsKey("configMap"))
					.forEach((source) -> sources.add(Yaml.map(source, "configMap")));
				for (Map<String, Object> source : sources) {
					String name = source.get("name").toString();
					Map<String, Object> data = Yaml.map(
							find("ConfigMap", name).orElseThrow(
									() -> new AssertionError(name(workload) + " mounts the missing ConfigMap " + name)),
							"data");
					List<Map<String, Object>> items = Yaml.maps(source, "items");
					if (items.isEmpty()) {
						data.forEach((key, value) -> files.put(key, value.toString()));
					}
					for (Map<String, Object> item : items) {
						Object value = data.get(item.get("key").toString());
						if (value == null) {
							throw new AssertionError("ConfigMap " + name + " has no key " + item.get("key"));
						}
						files.put(item.get("path").toString(), value.toString());
					}
				}
			}
		}
		return files;
	}

	/**
	 * The container port a probe or Service port refers to, by number or by name.
	 */
	static int containerPort(Map<String, Object> container, Object port) {
		if (port instanceof Integer number) {
			return number;
		}
		return Yaml.maps(container, "ports")
			.stream()
			.filter((candidate) -> port.equals(candidate.get("name")))
			.map((candidate) -> (Integer) candidate.get("containerPort"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(container.get("name") + " has no port named " + port));
	}

	/**
	 * One environment variable's value.
	 *
	 * @param value the value
	 * @param secret whether it comes from a Secret
	 */
	record EnvironmentValue(String value, boolean secret) {
	}

}
