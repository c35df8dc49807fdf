package dev.cloudshop.notification.email;

import org.springframework.util.Assert;

/**
 * An email to one recipient, in plain text and in HTML.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text version
 * @param html the HTML version, its values already escaped
 */
public record Email(String to, String subject, String text, String html) {

	public Email {
		Assert.hasText(to, "to must not be blank");
		Assert.hasText(subject, "subject must not be blank");
		Assert.hasText(text, "text must not be blank");
		Assert.hasText(html, "html must not be blank");
	}

}
