package dev.cloudshop.inventory.reservation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

class ReservationExpiryTests {

	ReservationService reservations = mock();

	Instant now = Instant.parse("2026-01-01T09:00:00.123456Z");

	ReservationExpiry expiry = new ReservationExpiry(this.reservations, Clock.fixed(this.now, ZoneOffset.UTC));

	@Test
	void movesOnPastAWholeBatchOfReservationsThatCannotExpire() {
		List<String> stuck = IntStream.range(0, ReservationExpiry.BATCH_SIZE)
			.mapToObj((i) -> "stuck-%03d".formatted(i))
			.toList();
		given(this.reservations.due(any(), eq(""), eq(ReservationExpiry.BATCH_SIZE))).willReturn(stuck);
		given(this.reservations.due(any(), eq(stuck.get(stuck.size() - 1)), eq(ReservationExpiry.BATCH_SIZE)))
			.willReturn(List.of("zz-due"));
		given(this.reservations.expire(startsWith("stuck-"), any()))
			.willThrow(new IllegalStateException("Reserved stock of X does not cover a held reservation"));
		given(this.reservations.expire(eq("zz-due"), any())).willReturn(true);

		assertThatNoException().isThrownBy(this.expiry::releaseExpired);

		then(this.reservations).should(times(ReservationExpiry.BATCH_SIZE)).expire(startsWith("stuck-"), eq(this.now));
		then(this.reservations).should().expire(eq("zz-due"), eq(this.now));
		then(this.reservations).should(times(2)).due(eq(this.now), any(), eq(ReservationExpiry.BATCH_SIZE));
	}

}
