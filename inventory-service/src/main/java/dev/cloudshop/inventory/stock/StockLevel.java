package dev.cloudshop.inventory.stock;

/**
 * The stock of one product as the admin API shows it.
 */
record StockLevel(String sku, int available, int reserved, int sold) {

	static StockLevel of(Stock stock) {
		return new StockLevel(stock.getSku(), stock.getAvailable(), stock.getReserved(), stock.getSold());
	}

}
