package dev.cloudshop.localstack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message Alertmanager posted to the stack's {@link AlertWebhook}.
 *
 * @param receivedAt when it arrived
 * @param channel the last part of the webhook's path: {@code cloudshop} (pages) or
 * {@code cloudshop-tickets}
 * @param body the Slack-compatible JSON as posted
 */
public record ChatMessage(Instant receivedAt, String channel, String body) {

	private static final Pattern TITLE = Pattern.compile("\"title\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	/**
	 * The titles of its attachments, such as
	 * {@code [FIRING:1] OrderTechnicalFailuresBudgetBurn (order-service)}.
	 */
	public List<String> titles() {
		List<String> titles = new ArrayList<>();
		Matcher matcher = TITLE.matcher(this.body);
		while (matcher.find()) {
			titles.add(unescape(matcher.group(1)));
		}
		return titles;
	}

	private static String unescape(String json) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (c != '\\' || i + 1 == json.length()) {
				text.append(c);
				continue;
			}
			char next = json.charAt(++i);
			switch (next) {
				case 'n' -> text.append(' ');
				case 't' -> text.append(' ');
				case 'u' -> {
					if (i + 4 < json.length()) {
						text.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
						i += 4;
					}
				}
				default -> text.append(next);
			}
		}
		return text.toString();
	}

}
