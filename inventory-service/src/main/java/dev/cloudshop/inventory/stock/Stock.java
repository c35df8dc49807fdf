package dev.cloudshop.inventory.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The stock of one product. Units move from available to reserved when an order holds
 * them, then to sold when it commits, or back to available when it releases them; their
 * sum only changes when an administrator sets the stock.
 */
@Entity
@Table(name = "stock")
public class Stock {

	@Id
	private String sku;

	private int available;

	private int reserved;

	private int sold;

	protected Stock() {
	}

	Stock(String sku, int available) {
		this.sku = sku;
		this.available = available;
	}

	public String getSku() {
		return this.sku;
	}

	public int getAvailable() {
		return this.available;
	}

	public int getReserved() {
		return this.reserved;
	}

	public int getSold() {
		return this.sold;
	}

}
