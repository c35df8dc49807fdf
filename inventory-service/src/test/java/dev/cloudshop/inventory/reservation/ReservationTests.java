package dev.cloudshop.inventory.reservation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReservationTests {

	Instant reservedAt = Instant.parse("2026-01-01T09:00:00Z");

	Reservation reservation = new Reservation("order-1",
			List.of(new ReservationLine("KB-0001", 2, new BigDecimal("89.00")),
					new ReservationLine("MS-0002", 1, new BigDecimal("34.50"))),
			"EUR", Duration.ofMinutes(5), this.reservedAt);

	Instant later = this.reservedAt.plusSeconds(1);

	@Test
	void startsReservedWithTheTotalOfItsLines() {
		assertThat(this.reservation.getStatus()).isEqualTo(ReservationStatus.RESERVED);
		assertThat(this.reservation.getTotal()).isEqualByComparingTo("212.50");
		assertThat(this.reservation.isNew()).isTrue();
	}

	@Test
	void holdsTheSameQuantitiesWhateverTheirOrder() {
		assertThat(this.reservation.holds(Map.of("MS-0002", 1, "KB-0001", 2))).isTrue();
		assertThat(this.reservation.holds(Map.of("KB-0001", 2))).isFalse();
		assertThat(this.reservation.holds(Map.of("KB-0001", 3, "MS-0002", 1))).isFalse();
	}

	@Test
	void commitsOnceThenReportsNothingToMove() {
		assertThat(this.reservation.commit(this.later)).isTrue();
		assertThat(this.reservation.commit(this.later)).isFalse();
		assertThat(this.reservation.getStatus()).isEqualTo(ReservationStatus.COMMITTED);
	}

	@Test
	void refusesToReleaseACommittedReservation() {
		this.reservation.commit(this.later);
		assertThatExceptionOfType(IllegalReservationStateException.class)
			.isThrownBy(() -> this.reservation.release(this.later));
		assertThat(this.reservation.getStatus()).isEqualTo(ReservationStatus.COMMITTED);
	}

	@Test
	void releasesOnceAndRefusesToCommitAfterwards() {
		assertThat(this.reservation.release(this.later)).isTrue();
		assertThat(this.reservation.release(this.later)).isFalse();
		assertThatExceptionOfType(IllegalReservationStateException.class)
			.isThrownBy(() -> this.reservation.commit(this.later));
	}

	@Test
	void expiresOnlyWhenItsTimeIsUpAndOnlyWhileReserved() {
		assertThat(this.reservation.expire(this.reservedAt.plus(Duration.ofMinutes(5)).minusNanos(1000))).isFalse();
		assertThat(this.reservation.expire(this.reservedAt.plus(Duration.ofMinutes(5)))).isTrue();
		assertThat(this.reservation.getStatus()).isEqualTo(ReservationStatus.EXPIRED);
		assertThat(this.reservation.release(this.later)).as("an expired reservation is already released").isFalse();
		assertThatExceptionOfType(IllegalReservationStateException.class)
			.isThrownBy(() -> this.reservation.commit(this.later));
	}

	@Test
	void neverExpiresACommittedReservation() {
		this.reservation.commit(this.later);
		assertThat(this.reservation.expire(this.reservedAt.plus(Duration.ofHours(1)))).isFalse();
		assertThat(this.reservation.getStatus()).isEqualTo(ReservationStatus.COMMITTED);
	}

}
