package dev.cloudshop.image.rendering;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cloudshop.image.ImageDatabase;
import dev.cloudshop.image.Uploads;
import dev.cloudshop.testinfra.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "image.decoding.max-concurrent=1", "image.decoding.max-wait=0s" })
@AutoConfigureRestTestClient
@Import(RealPostgres.class)
class DecodingBusyIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	DecodingSlots slots;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void answersBusyWhileEveryDecoderIsTakenThenTakesTheUpload() {
		ImageDatabase database = new ImageDatabase(this.jdbc);
		Map<String, Object> before = database.counts();

		try (DecodingSlots.Slot taken = this.slots.acquire()) {
			assertThatProblem(Uploads.post(this.client, Uploads.photo("SKU-BUSY-1"))
				.exchange()
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "1")).hasStatus(503).hasType("busy").hasTraceId();
		}
		assertThat(database.counts()).isEqualTo(before);

		Uploads.post(this.client, Uploads.photo("SKU-BUSY-1")).exchange().expectStatus().isCreated();
		assertThat(this.slots.available()).isEqualTo(1);
	}

}
