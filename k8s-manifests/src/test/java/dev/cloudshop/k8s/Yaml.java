package dev.cloudshop.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reading YAML documents as plain maps and lists, and walking them by path.
 */
final class Yaml {

	private Yaml() {
	}

	static List<Map<String, Object>> loadAll(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : parser().loadAll(text)) {
			if (document != null) {
				documents.add(asMap(document));
			}
		}
		return documents;
	}

	static List<Map<String, Object>> loadAll(Path file) {
		return loadAll(read(file));
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

	/**
	 * The value at a path of map keys, or {@code null} where the path ends early.
	 */
	static Object at(Object node, String... path) {
		Object current = node;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	static Map<String, Object> map(Object node, String... path) {
		Object value = at(node, path);
		return (value != null) ? asMap(value) : Map.of();
	}

	static List<Map<String, Object>> maps(Object node, String... path) {
		Object value = at(node, path);
		if (value == null) {
			return List.of();
		}
		List<Map<String, Object>> maps = new ArrayList<>();
		for (Object item : (List<?>) value) {
			maps.add(asMap(item));
		}
		return maps;
	}

	static String string(Object node, String... path) {
		Object value = at(node, path);
		return (value != null) ? value.toString() : null;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asMap(Object node) {
		return (Map<String, Object>) Objects.requireNonNull(node);
	}

	/**
	 * Every scalar of a document under its dotted key ({@code server.port}); list items
	 * are not descended into.
	 */
	static Map<String, Object> flatten(Map<String, Object> document) {
		Map<String, Object> flat = new LinkedHashMap<>();
		flatten("", document, flat);
		return flat;
	}

	private static void flatten(String prefix, Map<String, Object> node, Map<String, Object> flat) {
		node.forEach((key, value) -> {
			String name = prefix.isEmpty() ? key : prefix + "." + key;
			if (value instanceof Map<?, ?> child) {
				flatten(name, asMap(child), flat);
			}
			else {
				flat.put(name, value);
			}
		});
	}

	private static org.yaml.snakeyaml.Yaml parser() {
		return new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
	}

}
