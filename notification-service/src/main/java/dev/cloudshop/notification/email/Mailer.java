package dev.cloudshop.notification.email;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Sends emails as {@code multipart/alternative}: a plain-text part, then an HTML part, so
 * that a mail client shows the richest one it can.
 */
@Component
public class Mailer {

	private final JavaMailSender sender;

	private final EmailProperties properties;

	private final Clock clock;

	Mailer(JavaMailSender sender, EmailProperties properties, Clock clock) {
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Hands the email to the SMTP server.
	 * @param email the email
	 * @param id what makes its {@code Message-ID} unique: the same on every attempt to
	 * send the same email, so that a repeat (a crash between the send and recording it)
	 * carries the same {@code Message-ID} and mail stores that collapse duplicates show
	 * it once
	 * @throws MailException if it could not be made into a message, the server could not
	 * be reached, or it refused the message
	 */
	public void send(Email email, String id) {
		Assert.hasText(id, "id must not be blank");
		String charset = StandardCharsets.UTF_8.name();
		this.sender.send((message) -> {
			InternetAddress from = new InternetAddress(this.properties.from(), true);
			message.setFrom(from);
			message.setRecipient(RecipientType.TO, new InternetAddress(email.to(), true));
			message.setSubject(email.subject(), charset);
			message.setSentDate(Date.from(this.clock.instant()));
			// JavaMailSenderImpl keeps a Message-ID that is set, instead of making one
			// up.
			message.setHeader("Message-ID", "<" + id + "@" + domain(from) + ">");
			MimeBodyPart text = new MimeBodyPart();
			text.setText(email.text(), charset, "plain");
			MimeBodyPart html = new MimeBodyPart();
			html.setText(email.html(), charset, "html");
			MimeMultipart alternatives = new MimeMultipart("alternative");
			alternatives.addBodyPart(text);
			alternatives.addBodyPart(html);
			message.setContent(alternatives);
		});
	}

	private static String domain(InternetAddress address) {
		String value = address.getAddress();
		int at = value.lastIndexOf('@');
		return (at >= 0 && at < value.length() - 1) ? value.substring(at + 1) : "localhost";
	}

}
