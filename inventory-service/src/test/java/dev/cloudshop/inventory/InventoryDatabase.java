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

	/**
	 * The stock of a product next to what its reservations say it should be: units held
	 * by reservations still {@code RESERVED}, and units of committed ones.
	 */
	public Map<String, Object> ledgerOf(String sku) {
		return this.jdbc.queryForMap("select s.available, s.reserved, s.sold,"
				+ " coalesce(sum(l.quantity) filter (where r.status = 'RESERVED'), 0) as held,"
				+ " coalesce(sum(l.quantity) filter (where r.status = 'COMMITTED'), 0) as committed"
				+ " from stock s left join reservation_line l on l.sku = s.sku"
				+ " left join reservation r on r.order_id = l.order_id where s.sku = ?"
				+ " group by s.available, s.reserved, s.sold", sku);
	}

	public String reservationStatus(String orderId) {
		return this.jdbc.queryForObject("select status from reservation where order_id = ?", String.class, orderId);
	}

	public int reservationCount(String orderId) {
		return this.jdbc.queryForObject("select count(*) from reservation where order_id = ?", Integer.class, orderId);
	}

}
