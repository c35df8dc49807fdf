package dev.cloudshop.inventory.reservation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cloudshop.inventory.InventoryDatabase;
import dev.cloudshop.inventory.InventoryServiceTest;
import dev.cloudshop.inventory.TestProducts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Expiry passes run straight from the test over reservations whose time is made to run
 * out, next to live, committed and released ones. Other application contexts of the test
 * run expire reservations on their own schedule too, the way other instances would.
 */
@InventoryServiceTest
class ReservationExpiryPassIntegrationTests {

	private static final String SEED_PROPERTY = "inventory.expiry.seed";

	private static final int ROUNDS = 30;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReservationService reservations;

	@Autowired
	ReservationExpiry expiry;

	InventoryDatabase database;

	@BeforeEach
	void database() {
		this.database = new InventoryDatabase(this.jdbc);
	}

	@Test
	void expiresEveryDueReservationOfAProductInOnePassAndGivesItsStockBackOnce() {
		String sku = createProduct(10);
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			orders.add(reserve(Map.of(sku, 2)));
		}
		assertThat(this.database.stockOf(sku)).containsEntry("available", 4).containsEntry("reserved", 6);
		makeDue(orders);

		assertThatNoException().isThrownBy(this.expiry::releaseExpired);
		settle(orders);

		assertThat(orders).allSatisfy(
				(orderId) -> assertThat(this.database.reservationStatus(orderId)).as(orderId).isEqualTo("EXPIRED"));
		assertThat(this.database.stockOf(sku)).containsEntry("available", 10)
			.containsEntry("reserved", 0)
			.containsEntry("sold", 0);
		Map<String, Object> afterFirstPass = state(List.of(sku), orders);
		assertThatNoException().isThrownBy(this.expiry::releaseExpired);
		settle(orders);
		assertThat(state(List.of(sku), orders)).isEqualTo(afterFirstPass);
	}

	@Test
	void keepsExpiringOtherReservationsWhenOneCannotExpire() {
		String broken = createProduct(5);
		String sound = createProduct(5);
		String stuck = reserve(Map.of(broken, 2));
		List<String> expiring = List.of(reserve(Map.of(sound, 2)), reserve(Map.of(sound, 1)));
		List<String> all = List.of(stuck, expiring.get(0), expiring.get(1));
		makeDue(all);
		// The units the first reservation holds go missing from the books, so giving them
		// back fails.
		this.jdbc.update("update stock set reserved = reserved - 2, available = available + 2 where sku = ?", broken);

		assertThatNoException().isThrownBy(this.expiry::releaseExpired);
		settle(all);

		assertThat(expiring).allSatisfy(
				(orderId) -> assertThat(this.database.reservationStatus(orderId)).as(orderId).isEqualTo("EXPIRED"));
		assertThat(this.database.stockOf(sound)).containsEntry("available", 5).containsEntry("reserved", 0);
		assertThat(this.database.reservationStatus(stuck)).isEqualTo("RESERVED");
		assertThat(this.database.stockOf(broken)).containsEntry("available", 5).containsEntry("reserved", 0);

		this.jdbc.update("update stock set reserved = reserved + 2, available = available - 2 where sku = ?", broken);
		assertThatNoException().isThrownBy(this.expiry::releaseExpired);
		settle(all);
		assertThat(this.database.reservationStatus(stuck)).isEqualTo("EXPIRED");
		assertThat(this.database.stockOf(broken)).containsEntry("available", 5).containsEntry("reserved", 0);
	}

	@Test
	void keepsTheBooksOfEveryProductWhateverMixOfReservationsExpiresTogether() {
		long firstSeed = Long.getLong(SEED_PROPERTY, new Random().nextLong());
		for (int round = 0; round < ROUNDS; round++) {
			long seed = firstSeed + round;
			try {
				expireARandomMix(new Random(seed));
			}
			catch (AssertionError | RuntimeException ex) {
				throw new AssertionError("Failed with seed " + seed + "; run this round first with -D" + SEED_PROPERTY
						+ "=" + seed + ": " + ex.getMessage(), ex);
			}
		}
	}

	private void expireARandomMix(Random random) {
		Map<String, Integer> initial = new LinkedHashMap<>();
		for (int i = 0, products = 2 + random.nextInt(2); i < products; i++) {
			int stock = 8 + random.nextInt(20);
			initial.put(createProduct(stock), stock);
		}
		List<String> skus = List.copyOf(initial.keySet());
		Map<String, String> expected = new LinkedHashMap<>();
		List<String> due = new ArrayList<>();
		for (int i = 0, count = 4 + random.nextInt(10); i < count; i++) {
			List<String> shuffled = new ArrayList<>(skus);
			Collections.shuffle(shuffled, random);
			Map<String, Integer> quantities = new TreeMap<>();
			for (String sku : shuffled.subList(0, 1 + random.nextInt(skus.size()))) {
				quantities.put(sku, 1 + random.nextInt(4));
			}
			String orderId;
			try {
				orderId = reserve(quantities);
			}
			catch (ErrorResponseException ex) {
				// Short of stock: nothing was held, so there is nothing to expire.
				continue;
			}
			int fate = random.nextInt(10);
			boolean isDue = random.nextBoolean();
			if (fate < 2) {
				this.reservations.commit(orderId);
				expected.put(orderId, "COMMITTED");
			}
			else if (fate < 4) {
				this.reservations.release(orderId);
				expected.put(orderId, "RELEASED");
			}
			else {
				expected.put(orderId, isDue ? "EXPIRED" : "RESERVED");
			}
			if (isDue) {
				due.add(orderId);
			}
		}
		List<String> orders = List.copyOf(expected.keySet());
		makeDue(due);

		this.expiry.releaseExpired();
		settle(orders);

		assertThat(statuses(orders)).as("due: " + due).isEqualTo(new TreeMap<>(expected));
		for (String sku : skus) {
			Map<String, Object> ledger = this.database.ledgerOf(sku);
			assertThat(number(ledger, "reserved")).as("reserved of " + sku + ": " + ledger)
				.isEqualTo(number(ledger, "held"));
			assertThat(number(ledger, "sold")).as("sold of " + sku + ": " + ledger)
				.isEqualTo(number(ledger, "committed"));
			assertThat(number(ledger, "available") + number(ledger, "reserved") + number(ledger, "sold"))
				.as("units of " + sku + ": " + ledger)
				.isEqualTo(initial.get(sku));
		}
		Map<String, Object> afterFirstPass = state(skus, orders);
		this.expiry.releaseExpired();
		settle(orders);
		assertThat(state(skus, orders)).as("a second pass").isEqualTo(afterFirstPass);
	}

	private String reserve(Map<String, Integer> quantities) {
		String orderId = "expiry-" + UUID.randomUUID();
		this.reservations.reserve(orderId, quantities);
		return orderId;
	}

	/**
	 * Moves the reservations' time to live into the past, as if it had run out.
	 */
	private void makeDue(List<String> orders) {
		orders.forEach((orderId) -> this.jdbc
			.update("update reservation set expires_at = now() - interval '1 second' where order_id = ?", orderId));
	}

	/**
	 * Waits until no other instance holds any of these reservations: one that another
	 * instance is expiring right now is skipped by the pass of this test.
	 */
	private void settle(List<String> orders) {
		new NamedParameterJdbcTemplate(this.jdbc).queryForList(
				"select order_id from reservation where order_id in (:orders) for update", Map.of("orders", orders),
				String.class);
	}

	private Map<String, String> statuses(List<String> orders) {
		Map<String, String> statuses = new TreeMap<>();
		new NamedParameterJdbcTemplate(this.jdbc).query(
				"select order_id, status from reservation where order_id in (:orders)", Map.of("orders", orders),
				(row) -> {
					statuses.put(row.getString("order_id"), row.getString("status"));
				});
		return statuses;
	}

	private Map<String, Object> state(List<String> skus, List<String> orders) {
		Map<String, Object> state = new LinkedHashMap<>();
		skus.forEach((sku) -> state.put(sku, this.database.stockOf(sku)));
		state.putAll(statuses(orders));
		return state;
	}

	private static int number(Map<String, Object> row, String column) {
		return ((Number) row.get(column)).intValue();
	}

	private String createProduct(int stock) {
		return new TestProducts(this.client).create("EXP", "5.00", stock);
	}

}
