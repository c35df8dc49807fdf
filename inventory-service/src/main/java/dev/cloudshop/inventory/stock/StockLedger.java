package dev.cloudshop.inventory.stock;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves units between available, reserved and sold. Each method joins the caller's
 * transaction, so a reservation of several lines takes all of them or none.
 */
@Component
public class StockLedger {

	private final Stocks stocks;

	StockLedger(Stocks stocks) {
		this.stocks = stocks;
	}

	/**
	 * Holds units for an order.
	 * @return whether enough were available; if not, nothing changed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean reserve(String sku, int quantity) {
		return this.stocks.reserve(sku, quantity) == 1;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void commit(String sku, int quantity) {
		requireOneRow(this.stocks.commit(sku, quantity), sku);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void release(String sku, int quantity) {
		requireOneRow(this.stocks.release(sku, quantity), sku);
	}

	/**
	 * Starts keeping stock of a new product.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void open(String sku, int available) {
		this.stocks.save(new Stock(sku, available));
	}

	@Transactional(readOnly = true)
	public Map<String, Integer> availableOf(Collection<String> skus) {
		return this.stocks.findBySkuIn(skus).stream().collect(Collectors.toMap(Stock::getSku, Stock::getAvailable));
	}

	private static void requireOneRow(int rows, String sku) {
		// A reservation only moves units it holds, so this means the books are broken.
		if (rows != 1) {
			throw new IllegalStateException("Reserved stock of " + sku + " does not cover a held reservation");
		}
	}

}
