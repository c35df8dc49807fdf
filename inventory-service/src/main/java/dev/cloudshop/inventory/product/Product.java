package dev.cloudshop.inventory.product;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A product in the catalog, identified by its stock keeping unit.
 */
@Entity
@Table(name = "product")
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String sku;

	@Column(nullable = false)
	private String name;

	private String description;

	@Column(nullable = false)
	private String category;

	@Column(nullable = false)
	private BigDecimal price;

	@Column(nullable = false)
	private String currency;

	private String imageId;

	protected Product() {
	}

	Product(String sku, String name, String description, String category, Money price, String imageId) {
		this.sku = sku;
		describe(name, description, category, price, imageId);
	}

	void describe(String name, String description, String category, Money price, String imageId) {
		this.name = name;
		this.description = description;
		this.category = category;
		this.price = price.amount();
		this.currency = price.currency();
		this.imageId = imageId;
	}

	public String getSku() {
		return this.sku;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	public String getCategory() {
		return this.category;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public String getCurrency() {
		return this.currency;
	}

	public String getImageId() {
		return this.imageId;
	}

}
