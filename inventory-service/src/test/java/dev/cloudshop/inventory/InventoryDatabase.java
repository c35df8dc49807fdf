package dev.cloudshop.inventory;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a test reads straight from the inventory database to prove what a request did, or
 * did not, store.
 */
public final class InventoryDatabase {

	private final JdbcTemplate jdbc;

	public InventoryDatabase(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Everything a refused request must leave as it was.
	 */
	public Map<String, Object> snapshot() {
		return this.jdbc.queryForMap("select (select count(*) from product) as products,"
				+ " (select count(*) from reservation) as reservations,"
				+ " (select count(*) from reservation_line) as reservation_lines,"
				+ " (select coalesce(sum(available), 0) from stock) as available,"
				+ " (select coalesce(sum(reserved), 0) from stock) as reserved,"
				+ " (select coalesce(sum(sold), 0) from stock) as sold");
	}

	public Map<String, Object> stockOf(String sku) {
		return this.jdbc.queryForMap("select available, reserved, sold from stock where sku = ?", sku);
	}

	public String reservationStatus(String orderId) {
		return this.jdbc.queryForObject("select status from reservation where order_id = ?", String.class, orderId);
	}

	public int reservationCount(String orderId) {
		return this.jdbc.queryForObject("select count(*) from reservation where order_id = ?", Integer.class, orderId);
	}

}
