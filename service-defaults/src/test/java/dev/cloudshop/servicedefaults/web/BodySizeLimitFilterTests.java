package dev.cloudshop.servicedefaults.web;

import org.junit.jupiter.api.Test;

import dev.cloudshop.servicedefaults.sample.SampleService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = SampleService.class, properties = "cloudshop.web.max-body-size=1KB")
@AutoConfigureMockMvc
class BodySizeLimitFilterTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void refusesABodyOverTheConfiguredLimitWithAProblem() {
		MvcTestResult result = post(1025);

		assertThat(result).hasStatus(413);
		assertThat(result).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cloudshop.dev/problems/payload-too-large");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The request body is larger than the 1 KB this service accepts");
		assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/things");
		assertThat(result).bodyJson().extractingPath("$.traceId").asString().isNotBlank();
	}

	@Test
	void takesABodyAtTheLimit() {
		assertThat(post(1024)).hasStatus(201);
	}

	// A valid thing padded with white space to exactly the size asked for.
	private MvcTestResult post(int size) {
		String thing = "{\"name\": \"lamp\", \"count\": 1}";
		String body = thing.substring(0, thing.length() - 1) + " ".repeat(size - thing.length()) + "}";
		return this.mvc.post().uri("/things").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

}
