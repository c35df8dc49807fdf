package dev.cloudshop.notification;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.cloudshop.testinfra.TestPostgres;

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

import static dev.cloudshop.notification.RecordedNotifications.notificationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database down for a while as an order event arrives: the listener retries it for as
 * long as it takes, never dead-letters it, and notifies it once the database is back. The
 * database is reached through a port that the test can close; a broker and a context of
 * their own, the listener's back-off short, the context closed afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "spring.datasource.hikari.connection-timeout=1000",
				"notification.order-events.retry.initial-interval=200ms",
				"notification.order-events.retry.max-interval=1s" })
@AutoConfigureRestTestClient
@Import(RealSmtp.class)
@DirtiesContext
class DatabaseOutageTests {

	// Longer than four retries of 200 ms to 1 s, each waiting 1 s for a connection, take:
	// a bounded number of retries would have dead-lettered the event by then.
	private static final Duration OUTAGE = Duration.ofSeconds(12);

	private static final PortForwarder database = new PortForwarder();

	private static int databasePort;

	private static EmbeddedKafkaKraftBroker broker;

	@Autowired
	RestTestClient client;

	@DynamicPropertySource
	static void databaseBehindAPortThatCanClose(DynamicPropertyRegistry registry) {
		TestPostgres.Database real = TestPostgres.database("notifications");
		URI url = URI.create(real.url().substring("jdbc:".length()));
		databasePort = url.getPort();
		database.forwardTo(databasePort);
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://" + database.address() + url.getPath());
		registry.add("spring.datasource.username", real::username);
		registry.add("spring.datasource.password", real::password);
		broker = new EmbeddedKafkaKraftBroker(1, 3, OrderEventsClient.TOPIC, OrderEventsClient.DEAD_LETTER_TOPIC);
		broker.afterPropertiesSet();
		registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
	}

	@AfterAll
	static void stop() throws Exception {
		database.close();
		if (broker != null) {
			broker.destroy();
		}
	}

	@Test
	void retriesAnEventWhileTheDatabaseIsDownAndNotifiesItOnceItIsBack() {
		String orderId = UUID.randomUUID().toString();
		String eventId = UUID.randomUUID().toString();
		String email = "customer-" + UUID.randomUUID() + "@example.com";
		try (OrderEventsClient kafka = new OrderEventsClient(broker.getBrokersAsString())) {
			database.pause();
			try {
				kafka.send(orderId, OrderEventsClient.cloudEventHeaders(eventId, "OrderFailed"), """
						{"orderId": "%s", "email": "%s", "reason": "PAYMENT_DECLINED"}
						""".formatted(orderId, email));

				await().during(OUTAGE)
					.atMost(OUTAGE.plusSeconds(10))
					.untilAsserted(() -> assertThat(kafka.deadLetters(orderId)).isEmpty());
			}
			finally {
				database.forwardTo(databasePort);
			}

			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(RealSmtp.messagesTo(email)).hasSize(1));
			assertThat(notificationsOf(this.client, orderId)).singleElement()
				.satisfies((notification) -> assertThat(notification).containsEntry("eventId", eventId));
			assertThat(kafka.deadLetters(orderId)).isEmpty();
		}
	}

}
