package dev.cloudshop.notification;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.cloudshop.testinfra.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.notification.RecordedNotifications.listNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service with no Kafka broker at startup: it starts, is ready, and consumes once a
 * broker comes up. A broker and a context of its own, the context closed afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@AutoConfigureRestTestClient
@Import({ RealPostgres.class, RealSmtp.class })
@DirtiesContext
class StartsWithoutKafkaTests {

	private static final PortForwarder kafkaAddress = new PortForwarder();

	private static EmbeddedKafkaKraftBroker lateBroker;

	@Autowired
	RestTestClient client;

	@DynamicPropertySource
	static void kafkaThatIsNotThereYet(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", kafkaAddress::address);
	}

	@AfterAll
	static void stopBroker() throws Exception {
		kafkaAddress.close();
		if (lateBroker != null) {
			lateBroker.destroy();
		}
	}

	@Test
	void isReadyWithoutKafkaAndConsumesOnceTheBrokerIsUp() {
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		listNotifications(this.client, "o-1").expectStatus().isOk();

		// The consumer bootstraps through the forwarded address, then talks to
		// the broker.
		lateBroker = new EmbeddedKafkaKraftBroker(1, 1, OrderEventsClient.TOPIC, OrderEventsClient.DEAD_LETTER_TOPIC);
		lateBroker.afterPropertiesSet();
		String brokers = lateBroker.getBrokersAsString();
		kafkaAddress.forwardTo(Integer.parseInt(brokers.substring(brokers.lastIndexOf(':') + 1)));
		String orderId = UUID.randomUUID().toString();
		String email = "customer-" + UUID.randomUUID() + "@example.com";
		try (OrderEventsClient kafka = new OrderEventsClient(brokers)) {
			kafka.send(orderId, OrderEventsClient.cloudEventHeaders(UUID.randomUUID().toString(), "OrderFailed"), """
					{"orderId": "%s", "email": "%s", "reason": "PAYMENT_DECLINED"}
					""".formatted(orderId, email));
		}

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(RealSmtp.messagesTo(email)).hasSize(1));
	}

}
