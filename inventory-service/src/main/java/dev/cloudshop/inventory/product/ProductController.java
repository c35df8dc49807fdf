package dev.cloudshop.inventory.product;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import dev.cloudshop.inventory.input.NoControlCharacters;
import dev.cloudshop.inventory.stock.StockLedger;
import dev.cloudshop.servicedefaults.problem.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
@Transactional(readOnly = true)
class ProductController {

	static final int MAX_PAGE_SIZE = 100;

	/**
	 * The last page whose offset (page times size) the database query can take: it is an
	 * {@code int}.
	 */
	static final int MAX_PAGE = Integer.MAX_VALUE / MAX_PAGE_SIZE;

	private final Products products;

	private final StockLedger stock;

	ProductController(Products products, StockLedger stock) {
		this.products = products;
		this.stock = stock;
	}

	@GetMapping
	ProductPage list(@RequestParam(required = false) @NoControlCharacters String name,
			@RequestParam(required = false) @NoControlCharacters String category,
			@RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		var pageable = PageRequest.of(page, size, Sort.by("sku"));
		boolean byName = name != null && !name.isBlank();
		boolean byCategory = category != null && !category.isBlank();
		if (byName && byCategory) {
			return page(this.products.findByCategoryIgnoreCaseAndNameContainingIgnoreCase(category, name, pageable));
		}
		if (byName) {
			return page(this.products.findByNameContainingIgnoreCase(name, pageable));
		}
		if (byCategory) {
			return page(this.products.findByCategoryIgnoreCase(category, pageable));
		}
		return page(this.products.findAll(pageable));
	}

	@GetMapping("/{sku}")
	ProductView bySku(@PathVariable String sku) {
		Product product = this.products.findBySku(sku).orElseThrow(() -> NotFoundException.of("product", "sku", sku));
		return ProductView.of(product, this.stock.availableOf(List.of(sku)).getOrDefault(sku, 0));
	}

	private ProductPage page(Page<Product> page) {
		Map<String, Integer> available = this.stock.availableOf(page.map(Product::getSku).getContent());
		return ProductPage
			.of(page.map((product) -> ProductView.of(product, available.getOrDefault(product.getSku(), 0))));
	}

}
