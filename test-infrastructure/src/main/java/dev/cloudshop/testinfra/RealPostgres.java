package dev.cloudshop.testinfra;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the application's data source at a real PostgreSQL database: import it into a
 * {@code @SpringBootTest} or a data slice test. The database is named after the last path
 * segment of the configured {@code spring.datasource.url}, so a service gets the same
 * database name in tests as in production.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealPostgres {

	@Bean
	DynamicPropertyRegistrar realPostgresProperties(Environment environment) {
		String configuredUrl = environment.getRequiredProperty("spring.datasource.url");
		String name = configuredUrl.substring(configuredUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		TestPostgres.Database database = TestPostgres.database(name);
		return (registry) -> {
			registry.add("spring.datasource.url", database::url);
			registry.add("spring.datasource.username", database::username);
			registry.add("spring.datasource.password", database::password);
		};
	}

}
