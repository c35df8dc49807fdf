package dev.cloudshop.inventory;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Products a test creates the way an administrator does, through
 * {@code POST /admin/products}, each under a sku no other test uses.
 */
public final class TestProducts {

	private final RestTestClient client;

	public TestProducts(RestTestClient client) {
		this.client = client;
	}

	/**
	 * @param prefix the start of the sku, such as {@code EXP}
	 * @return a sku no other test uses, such as {@code EXP-3F2A9C01}
	 */
	public static String newSku(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/**
	 * Creates a product of the category {@code Test} priced in euros, under a new sku.
	 * @param skuPrefix the start of its sku
	 * @param price its price, such as {@code 5.00}
	 * @param stock its initial available stock
	 * @return its sku
	 */
	public String create(String skuPrefix, String price, int stock) {
		String sku = newSku(skuPrefix);
		createWithSku(sku, price, stock);
		return sku;
	}

	/**
	 * Creates a product named {@code Test product <sku>}, of the category {@code Test},
	 * priced in euros.
	 * @param sku its sku
	 * @param price its price, such as {@code 5.00}
	 * @param stock its initial available stock
	 */
	public void createWithSku(String sku, String price, int stock) {
		this.client.post()
			.uri("/admin/products")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sku", sku, "name", nameOf(sku), "category", "Test", "price",
					Map.of("amount", price, "currency", "EUR"), "initialStock", stock))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	/**
	 * @param sku the sku of a product made here
	 * @return its name
	 */
	public static String nameOf(String sku) {
		return "Test product " + sku;
	}

}
