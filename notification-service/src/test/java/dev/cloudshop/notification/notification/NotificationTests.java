package dev.cloudshop.notification.notification;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.cloudshop.notification.email.Email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NotificationTests {

	private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

	@Test
	void isPendingAndDueAtOnceWhenMade() {
		Notification notification = notification();

		assertThat(notification.getStatus()).isEqualTo(Notification.Status.PENDING);
		assertThat(notification.getNextAttemptAt()).isEqualTo(notification.getCreatedAt());
		assertThat(notification.getAttempts()).isZero();
		assertThat(notification.email()).isEqualTo(email());
	}

	@Test
	void staysPendingAndCountsAFailedAttempt() {
		Notification notification = notification();

		notification.markAttemptFailed("ConnectException: Connection refused", AT);

		assertThat(notification.getStatus()).isEqualTo(Notification.Status.PENDING);
		assertThat(notification.getAttempts()).isOne();
		assertThat(notification.getNextAttemptAt()).isEqualTo(AT);
		assertThat(notification.getLastError()).isEqualTo("ConnectException: Connection refused");
	}

	@Test
	void keepsTheStartOfALongError() {
		Notification notification = notification();

		notification.markAttemptFailed("x".repeat(2000), AT);

		assertThat(notification.getLastError()).hasSize(500);
	}

	@Test
	void isSentOnceTheServerTookIt() {
		Notification notification = notification();
		notification.markAttemptFailed("refused", AT);

		notification.markSent(AT.plusSeconds(1));

		assertThat(notification.getStatus()).isEqualTo(Notification.Status.SENT);
		assertThat(notification.getSentAt()).isEqualTo(AT.plusSeconds(1));
		assertThat(notification.getAttempts()).isEqualTo(2);
		assertThat(notification.getNextAttemptAt()).isNull();
		assertThat(notification.getLastError()).isNull();
	}

	@Test
	void rejectsAnyAttemptOnceSent() {
		Notification notification = notification();
		notification.markSent(AT);

		assertThatIllegalStateException().isThrownBy(() -> notification.markSent(AT));
		assertThatIllegalStateException().isThrownBy(() -> notification.markAttemptFailed("refused", AT));
		assertThatIllegalStateException().isThrownBy(notification::email);
	}

	@Test
	void rejectsAnyAttemptOnceUndeliverable() {
		Notification notification = notification();
		notification.markUndeliverable("AddressException: Missing final '@domain'");

		assertThat(notification.getStatus()).isEqualTo(Notification.Status.UNDELIVERABLE);
		assertThat(notification.getNextAttemptAt()).isNull();
		assertThatIllegalStateException().isThrownBy(() -> notification.markSent(AT));
	}

	private static Notification notification() {
		return new Notification("e-1", "o-1", "OrderFailed", email(), null, AT.minusSeconds(60));
	}

	private static Email email() {
		return new Email("ada@example.com", "Your order o-1 could not be completed", "Hello", "<p>Hello</p>");
	}

}
