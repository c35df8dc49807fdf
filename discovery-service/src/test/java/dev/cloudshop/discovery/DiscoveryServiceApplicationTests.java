package dev.cloudshop.discovery;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DiscoveryServiceApplicationTests {

	@LocalServerPort
	int port;

	@Test
	void servesTheEurekaDashboardAndItsReadiness() {
		RestClient client = RestClient.create("http://localhost:" + this.port);
		String dashboard = client.get().uri("/").retrieve().body(String.class);
		assertThat(dashboard).contains("Instances currently registered with Eureka");
		String readiness = client.get().uri("/actuator/health/readiness").retrieve().body(String.class);
		assertThat(readiness).contains("\"status\":\"UP\"");
	}

	@Test
	void listsRegisteredApplicationsAsJson() {
		RestClient client = RestClient.create("http://localhost:" + this.port);
		String apps = client.get().uri("/eureka/apps").accept(MediaType.APPLICATION_JSON).retrieve().body(String.class);
		assertThat(apps).contains("\"applications\"");
	}

}
