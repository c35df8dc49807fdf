package dev.cloudshop.notification;

import org.junit.jupiter.api.Test;

import dev.cloudshop.testinfra.RealKafka;
import dev.cloudshop.testinfra.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@AutoConfigureRestTestClient
@Import({ RealPostgres.class, RealKafka.class, RealSmtp.class })
class NotificationServiceApplicationTests {

	@Autowired
	RestTestClient client;

	@Test
	void isReadyOnceItsDatabaseAnswers() {
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.db.status")
			.isEqualTo("UP");
	}

	@Test
	void exposesPrometheusMetrics() {
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("jvm_memory_used_bytes")
				.contains("notifications_sent_total{type=\"OrderProcessed\"}")
				.contains("order_events_dead_lettered_total")
				.contains("notification_emails_pending ")
				.contains("notification_email_oldest_pending_age_seconds ")
				.contains("kafka_consumer_"));
	}

}
