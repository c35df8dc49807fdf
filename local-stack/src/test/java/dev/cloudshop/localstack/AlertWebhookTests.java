package dev.cloudshop.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertWebhookTests {

	private static final String SLACK_MESSAGE = """
			{"channel":"#cloudshop-oncall","username":"alertmanager","attachments":[{"title":\
			"[FIRING:1] OrderTechnicalFailuresBudgetBurn (order-service)","title_link":\
			"docs/runbooks/OrderTechnicalFailuresBudgetBurn.md","text":"*Orders are failing* \\u0026 \\"more\\"\\n",\
			"color":"danger"}]}""";

	@Test
	void keepsAndPrintsWhatAlertmanagerPosts() throws Exception {
		List<String> printed = new CopyOnWriteArrayList<>();
		int port = freePort();
		try (AlertWebhook webhook = new AlertWebhook(printed::add).start(port)) {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/cloudshop"))
					.POST(HttpRequest.BodyPublishers.ofString(SLACK_MESSAGE))
					.header("Content-Type", "application/json")
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(webhook.received()).singleElement().satisfies((message) -> {
				assertThat(message.channel()).isEqualTo("cloudshop");
				assertThat(message.body()).isEqualTo(SLACK_MESSAGE);
				assertThat(message.titles())
					.containsExactly("[FIRING:1] OrderTechnicalFailuresBudgetBurn (order-service)");
			});
			assertThat(printed)
				.containsExactly("  [alert to #cloudshop] [FIRING:1] OrderTechnicalFailuresBudgetBurn (order-service)");
		}
	}

	@Test
	void readsEscapedTitles() {
		ChatMessage message = new ChatMessage(null, "cloudshop-tickets",
				"{\"attachments\":[{\"title\":\"a \\\"quoted\\\" \\u0026 b\"},{\"title\":\"second\"}]}");

		assertThat(message.titles()).containsExactly("a \"quoted\" & b", "second");
	}

	private static int freePort() throws Exception {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
