package dev.cloudshop.image.rendering;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DecodingSlotsTests {

	private final DecodingSlots slots = new DecodingSlots(new DecodingProperties(2, Duration.ZERO));

	@Test
	void refusesWithBusyWhenEveryTurnIsTaken() {
		this.slots.acquire();
		this.slots.acquire();

		assertThatExceptionOfType(BusyException.class).isThrownBy(this.slots::acquire).satisfies((busy) -> {
			assertThat(busy.getStatusCode().value()).isEqualTo(503);
			assertThat(busy.getBody().getType()).hasToString("https://cloudshop.dev/problems/busy");
			assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		});
	}

	@Test
	void letsTheNextUploadInOnceATurnIsGivenBack() {
		DecodingSlots.Slot first = this.slots.acquire();
		this.slots.acquire();

		first.close();

		assertThat(this.slots.acquire()).isNotNull();
	}

	@Test
	void givesATurnBackOnlyOnceHoweverOftenItIsClosed() {
		DecodingSlots.Slot slot = this.slots.acquire();

		slot.close();
		slot.close();

		assertThat(this.slots.available()).isEqualTo(2);
	}

}
