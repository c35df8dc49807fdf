package dev.cloudshop.testinfra;

import org.testcontainers.kafka.KafkaContainer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker in KRaft mode per test JVM.
 */
public final class TestKafka {

	private static final String IMAGE = "apache/kafka:4.1.0";

	private static String bootstrapServers;

	private TestKafka() {
	}

	/**
	 * Starts the broker on first use.
	 * @return the broker's bootstrap servers
	 */
	public static synchronized String bootstrapServers() {
		if (bootstrapServers == null) {
			bootstrapServers = (InfrastructureMode.current() == InfrastructureMode.TESTCONTAINERS) ? containerized()
					: embedded();
		}
		return bootstrapServers;
	}

	private static String embedded() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
		return broker.getBrokersAsString();
	}

	@SuppressWarnings("resource") // stopped when the JVM exits
	private static String containerized() {
		KafkaContainer container = new KafkaContainer(IMAGE);
		container.start();
		return container.getBootstrapServers();
	}

}
