package dev.cloudshop.servicedefaults;

import org.junit.jupiter.api.Test;

import dev.cloudshop.servicedefaults.sample.SampleService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults in a running service, under its own {@code application.yml}.
 */
@SpringBootTest(classes = SampleService.class)
class ServiceDefaultsInAServiceTests {

	@Autowired
	Environment environment;

	@Test
	void areOverriddenByTheServicesApplicationYml() {
		assertThat(this.environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
	}

	@Test
	void fillInWhatTheServiceDoesNotSay() {
		assertThat(this.environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(this.environment.getProperty("eureka.instance.lease-renewal-interval-in-seconds")).isEqualTo("2");
		assertThat(this.environment.getProperty("server.tomcat.accesslog.enabled")).isEqualTo("true");
	}

}
