package dev.cloudshop.order.idempotency;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.cloudshop.testinfra.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@SpringBootTest(properties = { "eureka.client.enabled=false", "order.saga.recovery-interval=1h" })
@Import(RealPostgres.class)
class IdempotencyKeysIntegrationTests {

	@Autowired
	IdempotencyKeys keys;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void createsTheOrderOnceForAKeyAndAnswersItAfterwards() {
		String key = UUID.randomUUID().toString();
		UUID orderId = UUID.randomUUID();

		IdempotencyKeys.Claim first = this.keys.claim(key, "hash", () -> orderId);
		IdempotencyKeys.Claim again = this.keys.claim(key, "hash", () -> {
			throw new AssertionError("must not create a second order");
		});

		assertThat(first).isEqualTo(new IdempotencyKeys.Claim.First(orderId));
		assertThat(again).isInstanceOfSatisfying(IdempotencyKeys.Claim.Earlier.class,
				(earlier) -> assertThat(earlier.orderId()).isEqualTo(orderId));
	}

	@Test
	void refusesTheKeyForADifferentRequest() {
		String key = UUID.randomUUID().toString();
		this.keys.claim(key, "hash", UUID::randomUUID);

		assertThat(this.keys.claim(key, "other", UUID::randomUUID))
			.isInstanceOf(IdempotencyKeys.Claim.DifferentRequest.class);
	}

	@Test
	void leavesNoKeyBehindWhenTheFirstAttemptDiesBeforeItsOrderExists() {
		String key = UUID.randomUUID().toString();

		assertThatIllegalStateException().isThrownBy(() -> this.keys.claim(key, "hash", () -> {
			throw new IllegalStateException("the process died here");
		}));
		UUID retried = UUID.randomUUID();

		assertThat(this.keys.claim(key, "hash", () -> retried)).isEqualTo(new IdempotencyKeys.Claim.First(retried));
		assertThat(this.jdbc.queryForObject("select count(*) from idempotency_key where key = ?", Integer.class, key))
			.isOne();
	}

	@Test
	void createsOneOrderForTheSameKeySentConcurrently() throws Exception {
		String key = UUID.randomUUID().toString();
		AtomicInteger created = new AtomicInteger();
		int racers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(racers);
		try {
			List<Future<IdempotencyKeys.Claim>> claims = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				claims.add(executor.submit(() -> {
					start.await();
					return this.keys.claim(key, "hash", () -> {
						created.incrementAndGet();
						return UUID.randomUUID();
					});
				}));
			}
			start.countDown();
			List<UUID> orderIds = new ArrayList<>();
			for (Future<IdempotencyKeys.Claim> claim : claims) {
				IdempotencyKeys.Claim result = claim.get();
				orderIds.add((result instanceof IdempotencyKeys.Claim.First first) ? first.orderId()
						: ((IdempotencyKeys.Claim.Earlier) result).orderId());
			}
			assertThat(created).hasValue(1);
			assertThat(orderIds).containsOnly(orderIds.get(0));
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void forgetsAKeyAfterItsRetention() {
		String key = UUID.randomUUID().toString();
		UUID old = UUID.randomUUID();
		this.keys.claim(key, "hash", () -> old);
		ageKey(key, this.keys.retention().plusMinutes(1));
		UUID fresh = UUID.randomUUID();

		assertThat(this.keys.claim(key, "hash", () -> fresh)).isEqualTo(new IdempotencyKeys.Claim.First(fresh));
	}

	@Test
	void purgesKeysOlderThanTheRetentionOnly() {
		String oldKey = UUID.randomUUID().toString();
		String recentKey = UUID.randomUUID().toString();
		this.keys.claim(oldKey, "hash", UUID::randomUUID);
		this.keys.claim(recentKey, "hash", UUID::randomUUID);
		ageKey(oldKey, this.keys.retention().plusSeconds(1));

		this.keys.purge();

		assertThat(this.jdbc.queryForList("select key from idempotency_key where key in (?, ?)", String.class, oldKey,
				recentKey))
			.containsExactly(recentKey);
	}

	private void ageKey(String key, Duration age) {
		this.jdbc.update("update idempotency_key set created_at = ? where key = ?",
				Timestamp.from(Instant.now().minus(age)), key);
	}

}
