package dev.cloudshop.k8s;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A host and port a service connects to, read from one of its connection variables: a URL
 * ({@code DB_URL}, {@code EUREKA_URL}), a list of {@code host:port}
 * ({@code KAFKA_BOOTSTRAP_SERVERS}) or a host whose port is in a sibling {@code *_PORT}
 * variable ({@code SMTP_HOST}).
 */
record Endpoint(String host, int port) {

	static List<Endpoint> of(String variable, Map<String, String> environment, ServiceConfig config) {
		String value = environment.get(variable);
		List<Endpoint> endpoints = new ArrayList<>();
		if (value == null) {
			// Not set: the tests of the environment report it.
			return endpoints;
		}
		if (value.contains("://")) {
			URI uri = URI.create(value.startsWith("jdbc:") ? value.substring("jdbc:".length()) : value);
			endpoints.add(new Endpoint(uri.getHost(), uri.getPort()));
		}
		else if (value.contains(":")) {
			for (String server : value.split(",")) {
				String[] hostAndPort = server.trim().split(":");
				endpoints.add(new Endpoint(hostAndPort[0], Integer.parseInt(hostAndPort[1])));
			}
		}
		else if (variable.endsWith("_HOST")) {
			String portVariable = variable.substring(0, variable.length() - "_HOST".length()) + "_PORT";
			String port = environment.getOrDefault(portVariable, config.defaultOf(portVariable));
			endpoints.add(new Endpoint(value, Integer.parseInt(port)));
		}
		else {
			throw new IllegalArgumentException("Not a connection: " + variable + "=" + value);
		}
		return endpoints;
	}

}
