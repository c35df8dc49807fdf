package dev.cloudshop.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks Eureka how many instances of a service it lists as UP, and the gateway whether it
 * reaches the service: a cheap GET through the gateway that is not answered with 502, 503
 * or 504 got through. What the last probe saw is kept for the message of a start that
 * gives up.
 */
final class GatewayRoutes {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final String eurekaUrl;

	private final String gatewayUrl;

	private volatile String lastProbe = "none yet";

	GatewayRoutes(String eurekaUrl, String gatewayUrl) {
		this.eurekaUrl = eurekaUrl;
		this.gatewayUrl = gatewayUrl;
	}

	/**
	 * @return the instances of the service Eureka lists as UP; 0 when it does not answer
	 */
	int registeredInstances(SuiteService service) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(this.eurekaUrl + "/eureka/apps/" + service.name().toUpperCase()))
						.header("Accept", "application/json")
						.timeout(Duration.ofSeconds(2))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return 0;
			}
			return response.body().split("\"status\":\"UP\"", -1).length - 1;
		}
		catch (Exception ex) {
			return 0;
		}
	}

	/**
	 * Sends the service's route probe through the gateway.
	 * @return whether the gateway reached the service
	 */
	boolean routes(SuiteService service) {
		try {
			HttpResponse<Void> response = http
				.send(HttpRequest.newBuilder(URI.create(this.gatewayUrl + service.routeProbe()))
					.timeout(Duration.ofSeconds(3))
					.build(), HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			this.lastProbe = "HTTP " + status;
			return status != 502 && status != 503 && status != 504;
		}
		catch (Exception ex) {
			this.lastProbe = ex.getClass().getSimpleName();
			return false;
		}
	}

	/**
	 * What the last probe through the gateway saw: {@code HTTP 503}, the exception of one
	 * that got no answer, or {@code none yet}.
	 */
	String lastProbe() {
		return this.lastProbe;
	}

}
