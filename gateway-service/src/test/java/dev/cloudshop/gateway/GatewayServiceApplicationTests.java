package dev.cloudshop.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own behaviour, with a plain HTTP server standing in for inventory-service
 * (registered through the simple discovery client) and no instance at all for the others.
 * The suite's end-to-end tests cover the same edge against the real services.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@AutoConfigureWebTestClient
class GatewayServiceApplicationTests {

	static final List<String> seenRequestIds = new CopyOnWriteArrayList<>();

	static final List<String> seenPaths = new CopyOnWriteArrayList<>();

	static HttpServer inventory = startInventory();

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void inventoryInstance(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.inventory-service[0].uri",
				() -> "http://localhost:" + inventory.getAddress().getPort());
	}

	@AfterAll
	static void stopInventory() {
		inventory.stop(0);
	}

	static HttpServer startInventory() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/", (exchange) -> {
				seenRequestIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
				seenPaths.add(exchange.getRequestURI().getRawPath());
				byte[] body = "{\"content\":[]}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void routesProductsToInventoryAndPassesTheRequestIdAlong() {
		this.client.get()
			.uri("/api/products?size=2")
			.header("X-Request-Id", "client-chosen-1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", "client-chosen-1")
			.expectBody()
			.jsonPath("$.content")
			.isArray();
		assertThat(seenRequestIds).contains("client-chosen-1");
	}

	@Test
	void generatesARequestIdWhenTheClientSendsNoneOrAnImplausibleOne() {
		String generated = this.client.get()
			.uri("/api/products")
			.header("X-Request-Id", "not a plausible id, it has spaces and goes on for far too long to be one")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");
		assertThat(generated).matches("[0-9a-f-]{36}");
		assertThat(seenRequestIds).contains(generated);
	}

	@Test
	void answersAnUnknownRouteWithANotFoundProblem() {
		this.client.get()
			.uri("/api/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.instance")
			.isEqualTo("/api/nothing-here")
			.jsonPath("$.requestId")
			.exists();
	}

	@Test
	void answersAServiceWithoutInstancesWithAServiceUnavailableProblemNamingIt() {
		this.client.get()
			.uri("/api/orders/42")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("order-service")
			.jsonPath("$.title")
			.isEqualTo("Service unavailable")
			.jsonPath("$.instance")
			.isEqualTo("/api/orders/42");
	}

	@Test
	void refusesABodyOverTheLimitWithAPayloadTooLargeProblem() {
		byte[] body = new byte[1024 * 1024 + 1];
		this.client.post()
			.uri("/api/products")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			// The same type and title as a service's own 413.
			.jsonPath("$.type")
			.isEqualTo("https://cloudshop.dev/problems/payload-too-large")
			.jsonPath("$.title")
			.isEqualTo("Request body too large");
	}

	@Test
	void neverLetsAPathEscapeItsRouteToADownstreamActuator() throws Exception {
		int before = seenPaths.size();
		HttpClient http = HttpClient.newHttpClient();
		for (String path : List.of("/api/products/../../actuator/env", "/api/products/%2e%2e/%2e%2e/actuator/env",
				"/api/products/..%2f..%2factuator/env", "/api/products;/../../actuator/env")) {
			// The JDK client sends the path exactly as written, without normalizing it.
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		assertThat(seenPaths.subList(before, seenPaths.size())).isEmpty();
	}

	@Test
	void doesNotServeTheFallbackToClientsDirectly() {
		this.client.get().uri("/fallback/order-service").exchange().expectStatus().isNotFound();
	}

	@Test
	void exposesItsOwnHealthAndMetrics() {
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("jvm_memory_used_bytes"));
	}

	@Test
	void timesEachRoutedRequestByRouteAndStatusWithAHistogram() {
		this.client.get().uri("/api/products").exchange().expectStatus().isOk();

		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body.lines()).anySatisfy((line) -> assertThat(line)
				.startsWith("spring_cloud_gateway_requests_seconds_bucket{httpMethod=\"GET\",httpStatusCode=\"200\","
						+ "outcome=\"SUCCESSFUL\",routeId=\"products\",routeUri=\"lb://inventory-service\","
						+ "status=\"OK\",le=\"0.001\"}")));
	}

	@Test
	void timesTheServiceUnavailableAnswerOfARouteWithoutInstancesUnderItsRoute() {
		this.client.get().uri("/api/orders/43").exchange().expectStatus().isEqualTo(503);

		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body.lines()).anySatisfy((line) -> assertThat(line)
				.startsWith("spring_cloud_gateway_requests_seconds_count{httpMethod=\"GET\",httpStatusCode=\"503\","
						+ "outcome=\"SERVER_ERROR\",routeId=\"orders\",routeUri=\"lb://order-service\",")));
	}

	@Test
	void servesOneSwaggerUiListingThePublicApiOfEachService() {
		this.client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
		this.client.get()
			.uri("/openapi/gateway/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[?(@.url == '/openapi/inventory-service')]")
			.exists()
			.jsonPath("$.urls[?(@.url == '/openapi/payment-service')]")
			.exists()
			.jsonPath("$.urls[?(@.url == '/openapi/image-service')]")
			.exists();
	}

	@Test
	void letsClientsLookPaymentsUpButNeverCharge() {
		this.client.post()
			.uri("/api/payments")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
