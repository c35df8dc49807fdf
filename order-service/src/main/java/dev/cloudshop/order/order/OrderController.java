package dev.cloudshop.order.order;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
@Transactional(readOnly = true)
class OrderController {

	private final Orders orders;

	OrderController(Orders orders) {
		this.orders = orders;
	}

	@GetMapping
	List<OrderView> byCustomer(@RequestParam @NotBlank String customerId) {
		return this.orders.findByCustomerIdOrderByCreatedAtDesc(customerId).stream().map(OrderView::of).toList();
	}

	@GetMapping("/{id}")
	OrderView byId(@PathVariable UUID id) {
		return this.orders.findById(id).map(OrderView::of).orElseThrow(() -> unknownOrder(id));
	}

	private static ErrorResponseException unknownOrder(UUID id) {
		var exception = new ErrorResponseException(HttpStatus.NOT_FOUND);
		exception.getBody().setTitle("Unknown order");
		exception.getBody().setDetail("No order has the id " + id);
		exception.getBody().setProperty("orderId", id);
		return exception;
	}

}
