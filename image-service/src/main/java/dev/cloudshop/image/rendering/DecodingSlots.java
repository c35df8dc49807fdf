package dev.cloudshop.image.rendering;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * The turns to decode: {@link DecodingProperties#maxConcurrent()} of them, handed out
 * first come, first served. An upload that cannot get one within
 * {@link DecodingProperties#maxWait()} is refused with 503 {@code busy} rather than
 * queued without end.
 */
@Component
class DecodingSlots {

	private final Semaphore slots;

	private final DecodingProperties properties;

	DecodingSlots(DecodingProperties properties) {
		this.slots = new Semaphore(properties.maxConcurrent(), true);
		this.properties = properties;
	}

	/**
	 * Waits for a turn.
	 * @return the turn, to close once the decoded image is no longer needed
	 * @throws BusyException if no turn came in time
	 */
	Slot acquire() {
		try {
			if (!this.slots.tryAcquire(this.properties.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
				throw new BusyException();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BusyException();
		}
		return new Slot();
	}

	/**
	 * @return how many turns are free now
	 */
	int available() {
		return this.slots.availablePermits();
	}

	/**
	 * One turn; closing it more than once gives it back only once.
	 */
	final class Slot implements AutoCloseable {

		private final AtomicBoolean released = new AtomicBoolean();

		@Override
		public void close() {
			if (this.released.compareAndSet(false, true)) {
				DecodingSlots.this.slots.release();
			}
		}

	}

}
