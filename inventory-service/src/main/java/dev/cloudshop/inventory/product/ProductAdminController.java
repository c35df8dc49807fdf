package dev.cloudshop.inventory.product;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.cloudshop.inventory.input.NoControlCharacters;
import dev.cloudshop.inventory.stock.StockLedger;
import dev.cloudshop.servicedefaults.problem.NotFoundException;
import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catalog administration: create and update products. Not routed by the gateway:
 * reachable on the service's own port only, until the suite has authentication.
 */
@RestController
@RequestMapping("/admin/products")
@Transactional
class ProductAdminController {

	// A description may have several lines; other control characters, NUL among them,
	// have no place in it.
	private static final String DESCRIPTION_TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	private static final String DESCRIPTION_MESSAGE = "must not contain control characters other than tabs and line breaks";

	private final Products products;

	private final StockLedger stock;

	ProductAdminController(Products products, StockLedger stock) {
		this.products = products;
		this.stock = stock;
	}

	@PostMapping
	ResponseEntity<ProductView> create(@Valid @RequestBody NewProduct request) {
		Money price = request.price().toMoney("price");
		if (this.products.existsBySku(request.sku())) {
			ErrorResponseException conflict = new ErrorResponseException(HttpStatus.CONFLICT, Problems
				.of(HttpStatus.CONFLICT, "product-exists", "Product exists", "A product has the sku " + request.sku()),
					null);
			conflict.getBody().setProperty("sku", request.sku());
			throw conflict;
		}
		Product product = this.products.save(new Product(request.sku(), request.name(), request.description(),
				request.category(), price, request.imageId()));
		int initialStock = (request.initialStock() != null) ? request.initialStock() : 0;
		this.stock.open(product.getSku(), initialStock);
		return ResponseEntity.created(URI.create("/api/products/" + product.getSku()))
			.body(ProductView.of(product, initialStock));
	}

	@PutMapping("/{sku}")
	ProductView update(@PathVariable String sku, @Valid @RequestBody ProductChange request) {
		Money price = request.price().toMoney("price");
		Product product = this.products.findBySku(sku).orElseThrow(() -> NotFoundException.of("product", "sku", sku));
		product.describe(request.name(), request.description(), request.category(), price, request.imageId());
		return ProductView.of(this.products.save(product), this.stock.availableOf(java.util.List.of(sku)).get(sku));
	}

	record NewProduct(
			@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,63}",
					message = "must be 2 to 64 upper-case letters, digits and dashes") String sku,
			@NotBlank @Size(max = 200) @NoControlCharacters String name,
			@Size(max = 2000) @Pattern(regexp = DESCRIPTION_TEXT, message = DESCRIPTION_MESSAGE) String description,
			@NotBlank @Size(max = 100) @NoControlCharacters String category, @NotNull @Valid PriceRequest price,
			@Size(max = 64) @NoControlCharacters String imageId, @Min(0) @Max(1_000_000) Integer initialStock) {
	}

	record ProductChange(@NotBlank @Size(max = 200) @NoControlCharacters String name,
			@Size(max = 2000) @Pattern(regexp = DESCRIPTION_TEXT, message = DESCRIPTION_MESSAGE) String description,
			@NotBlank @Size(max = 100) @NoControlCharacters String category, @NotNull @Valid PriceRequest price,
			@Size(max = 64) @NoControlCharacters String imageId) {
	}

}
