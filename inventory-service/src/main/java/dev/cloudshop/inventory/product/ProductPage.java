package dev.cloudshop.inventory.product;

import java.util.List;

import org.springframework.data.domain.Page;

/**
 * One page of products, with what a client needs to ask for the next.
 */
record ProductPage(List<ProductView> content, int page, int size, long totalElements, int totalPages) {

	static ProductPage of(Page<ProductView> page) {
		return new ProductPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
				page.getTotalPages());
	}

}
