package dev.cloudshop.notification.email;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends emails as {@code multipart/alternative}: a plain-text part, then an HTML part, so
 * that a mail client shows the richest one it can.
 */
@Component
public class Mailer {

	private final JavaMailSender sender;

	private final EmailProperties properties;

	Mailer(JavaMailSender sender, EmailProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	/**
	 * Hands the email to the SMTP server.
	 * @param email the email
	 * @throws MailException if the server could not be reached or refused it
	 */
	public void send(Email email) {
		String charset = StandardCharsets.UTF_8.name();
		this.sender.send((message) -> {
			message.setFrom(new InternetAddress(this.properties.from(), true));
			message.setRecipient(RecipientType.TO, new InternetAddress(email.to(), true));
			message.setSubject(email.subject(), charset);
			message.setSentDate(Date.from(Instant.now()));
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

}
