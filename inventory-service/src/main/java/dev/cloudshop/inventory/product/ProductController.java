package dev.cloudshop.inventory.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
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

	private final Products products;

	ProductController(Products products) {
		this.products = products;
	}

	@GetMapping
	ProductPage list(@RequestParam(required = false) String name, @RequestParam(required = false) String category,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		var pageable = PageRequest.of(page, size, Sort.by("sku"));
		boolean byName = name != null && !name.isBlank();
		boolean byCategory = category != null && !category.isBlank();
		if (byName && byCategory) {
			return ProductPage
				.of(this.products.findByCategoryIgnoreCaseAndNameContainingIgnoreCase(category, name, pageable));
		}
		if (byName) {
			return ProductPage.of(this.products.findByNameContainingIgnoreCase(name, pageable));
		}
		if (byCategory) {
			return ProductPage.of(this.products.findByCategoryIgnoreCase(category, pageable));
		}
		return ProductPage.of(this.products.findAll(pageable));
	}

	@GetMapping("/{sku}")
	ProductView bySku(@PathVariable String sku) {
		return this.products.findBySku(sku).map(ProductView::of).orElseThrow(() -> unknownProduct(sku));
	}

	private static ErrorResponseException unknownProduct(String sku) {
		var exception = new ErrorResponseException(HttpStatus.NOT_FOUND);
		exception.getBody().setTitle("Unknown product");
		exception.getBody().setDetail("No product has the sku " + sku);
		exception.getBody().setProperty("sku", sku);
		return exception;
	}

}
