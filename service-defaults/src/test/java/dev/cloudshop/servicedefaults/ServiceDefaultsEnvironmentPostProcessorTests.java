package dev.cloudshop.servicedefaults;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cloudshop.servicedefaults.sample.SampleService;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceDefaultsEnvironmentPostProcessorTests {

	private static final String EXPOSURE = "management.endpoints.web.exposure.include";

	private final ServiceDefaultsEnvironmentPostProcessor postProcessor = new ServiceDefaultsEnvironmentPostProcessor();

	@Test
	void givesEveryServiceTheOperationalDefaults() {
		StandardEnvironment environment = environment(
				Map.of("spring.application.name", "any-service", "server.port", "8090"));

		this.postProcessor.postProcessEnvironment(environment, application(WebApplicationType.REACTIVE));

		assertThat(environment.getProperty(EXPOSURE)).isEqualTo("health,info,prometheus");
		assertThat(environment.getProperty("management.tracing.baggage.remote-fields")).isEqualTo("X-Request-Id");
		assertThat(environment.getProperty("eureka.instance.instance-id")).isEqualTo("any-service:8090");
		assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
		assertThat(environment.getProperty("logging.pattern.correlation"))
			.isEqualTo("[any-service,%X{traceId:-},%X{X-Request-Id:-}] ");
	}

	@Test
	void keepsTheServletDefaultsFromAReactiveService() {
		StandardEnvironment environment = environment(Map.of());

		this.postProcessor.postProcessEnvironment(environment, application(WebApplicationType.REACTIVE));

		assertThat(environment.containsProperty("server.tomcat.accesslog.enabled")).isFalse();
		assertThat(environment.containsProperty("spring.jackson.deserialization.fail-on-unknown-properties")).isFalse();
	}

	@Test
	void givesAServletServiceTheAccessLogAndStrictJson() {
		StandardEnvironment environment = environment(Map.of());

		this.postProcessor.postProcessEnvironment(environment, application(WebApplicationType.SERVLET));

		assertThat(environment.getProperty("server.tomcat.accesslog.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("spring.jackson.deserialization.fail-on-unknown-properties"))
			.isEqualTo("true");
		assertThat(environment.getProperty("spring.mvc.problemdetails.enabled")).isEqualTo("true");
	}

	@Test
	void letsTheServicesOwnPropertyWin() {
		StandardEnvironment environment = environment(Map.of(EXPOSURE, "health,info,prometheus,chaos"));

		this.postProcessor.postProcessEnvironment(environment, application(WebApplicationType.SERVLET));

		assertThat(environment.getProperty(EXPOSURE)).isEqualTo("health,info,prometheus,chaos");
	}

	@Test
	void addsTheDefaultsOnce() {
		StandardEnvironment environment = environment(Map.of());
		SpringApplication application = application(WebApplicationType.SERVLET);

		this.postProcessor.postProcessEnvironment(environment, application);
		long sources = environment.getPropertySources().size();
		this.postProcessor.postProcessEnvironment(environment, application);

		assertThat(environment.getPropertySources().size()).isEqualTo(sources);
	}

	private static StandardEnvironment environment(Map<String, Object> service) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addLast(new MapPropertySource("application.yml", service));
		return environment;
	}

	private static SpringApplication application(WebApplicationType type) {
		SpringApplication application = new SpringApplication(SampleService.class);
		application.setWebApplicationType(type);
		return application;
	}

}
