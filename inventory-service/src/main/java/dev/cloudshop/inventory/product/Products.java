package dev.cloudshop.inventory.product;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface Products extends Repository<Product, Long> {

	Optional<Product> findBySku(String sku);

	boolean existsBySku(String sku);

	List<Product> findBySkuIn(Collection<String> skus);

	Page<Product> findAll(Pageable pageable);

	Page<Product> findByCategoryIgnoreCase(String category, Pageable pageable);

	Page<Product> findByNameContainingIgnoreCase(String name, Pageable pageable);

	Page<Product> findByCategoryIgnoreCaseAndNameContainingIgnoreCase(String category, String name, Pageable pageable);

	Product save(Product product);

}
