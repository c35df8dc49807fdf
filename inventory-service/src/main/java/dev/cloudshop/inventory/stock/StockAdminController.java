package dev.cloudshop.inventory.stock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.cloudshop.servicedefaults.problem.NotFoundException;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock administration. Not routed by the gateway: reachable on the service's own port.
 */
@RestController
@RequestMapping("/admin/products/{sku}/stock")
class StockAdminController {

	private final Stocks stocks;

	StockAdminController(Stocks stocks) {
		this.stocks = stocks;
	}

	@GetMapping
	@Transactional(readOnly = true)
	StockLevel show(@PathVariable String sku) {
		return StockLevel.of(find(sku));
	}

	/**
	 * Sets how many units are available; units held for orders or sold are not touched,
	 * not even those reserved, committed or released while this request runs.
	 */
	@PutMapping
	@Transactional
	StockLevel set(@PathVariable String sku, @Valid @RequestBody NewStock request) {
		if (this.stocks.setAvailable(sku, request.available()) == 0) {
			throw NotFoundException.of("product", "sku", sku);
		}
		// The update holds the row's lock, so this reads what it wrote.
		return StockLevel.of(find(sku));
	}

	private Stock find(String sku) {
		return this.stocks.findById(sku).orElseThrow(() -> NotFoundException.of("product", "sku", sku));
	}

	record NewStock(@NotNull @Min(0) @Max(1_000_000) Integer available) {
	}

}
