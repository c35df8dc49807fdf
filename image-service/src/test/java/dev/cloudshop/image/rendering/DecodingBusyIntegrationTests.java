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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

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
			this.client.post()
				.uri("/api/images")
				.contentType(MediaType.MULTIPART_FORM_DATA)
				.body(Uploads.photo("SKU-BUSY-1"))
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "1")
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://cloudshop.dev/problems/busy")
				.jsonPath("$.traceId")
				.isNotEmpty();
		}
		assertThat(database.counts()).isEqualTo(before);

		this.client.post()
			.uri("/api/images")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(Uploads.photo("SKU-BUSY-1"))
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(this.slots.available()).isEqualTo(1);
	}

}
