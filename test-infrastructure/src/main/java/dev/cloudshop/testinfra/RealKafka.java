package dev.cloudshop.testinfra;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the application's Kafka clients at a real broker: import it into a
 * {@code @SpringBootTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealKafka {

	@Bean
	DynamicPropertyRegistrar realKafkaProperties() {
		return (registry) -> registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
	}

}
