package dev.cloudshop.servicedefaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.util.ClassUtils;

/**
 * Adds the suite's operational defaults to every service's environment: discovery timings
 * and instance id, actuator exposure and health groups, tracing and its baggage, the log
 * pattern, graceful shutdown, and for Spring MVC services the access log, problem details
 * and strict JSON.
 * <p>
 * Precedence, highest first:
 * <ol>
 * <li>everything Spring Boot reads on its own: command line arguments, system properties,
 * environment variables, test properties;</li>
 * <li>the service's own {@code application.yml} and its profile documents;</li>
 * <li>{@code service-defaults-jdbc.yml} where there is a DataSource health indicator (the
 * readiness group then includes {@code db}), {@code service-defaults-servlet.yml} for a
 * Spring MVC service, then {@code service-defaults.yml};</li>
 * <li>{@link SpringApplication#setDefaultProperties default properties}, which stay
 * last.</li>
 * </ol>
 * So a service overrides any default by setting the same property in its
 * {@code application.yml}; it never needs to repeat one.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The start of the names of the property sources this adds. */
	public static final String PROPERTY_SOURCE_PREFIX = "cloudshop ";

	// Present where the readiness group can include the database (spring-boot-jdbc and
	// actuator's health).
	private static final String DATA_SOURCE_HEALTH = "org.springframework.boot.jdbc.health.DataSourceHealthIndicator";

	private final YamlPropertySourceLoader loader = new YamlPropertySourceLoader();

	@Override
	public int getOrder() {
		// After the config data (application.yml) is loaded, so the defaults go below it.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		if (sources.stream().anyMatch((source) -> source.getName().startsWith(PROPERTY_SOURCE_PREFIX))) {
			return;
		}
		ClassLoader classLoader = application.getClassLoader();
		if (ClassUtils.isPresent(DATA_SOURCE_HEALTH, classLoader)) {
			addLast(sources, "service-defaults-jdbc.yml");
		}
		if (application.getWebApplicationType() == WebApplicationType.SERVLET) {
			addLast(sources, "service-defaults-servlet.yml");
		}
		addLast(sources, "service-defaults.yml");
		DefaultPropertiesPropertySource.moveToEnd(environment);
	}

	private void addLast(MutablePropertySources sources, String name) {
		Resource resource = new ClassPathResource(name, getClass().getClassLoader());
		try {
			List<PropertySource<?>> documents = this.loader.load(PROPERTY_SOURCE_PREFIX + name, resource);
			documents.forEach(sources::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + name, ex);
		}
	}

}
