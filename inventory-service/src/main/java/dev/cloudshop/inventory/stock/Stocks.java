package dev.cloudshop.inventory.stock;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Stock levels. Every move is one conditional UPDATE: the row lock it takes makes
 * concurrent moves of the same product wait for each other, and the condition makes a
 * move that would go below zero change nothing.
 * <p>
 * The updates flush what the transaction changed before them but leave the persistence
 * context as it is: clearing it would detach the reservations the caller is moving, and
 * whatever it then changed on them would never be written. No caller loads a
 * {@link Stock} entity before it updates the same product in one transaction, so none
 * reads a stale one.
 */
interface Stocks extends Repository<Stock, String> {

	Optional<Stock> findById(String sku);

	List<Stock> findBySkuIn(Collection<String> skus);

	Stock save(Stock stock);

	@Modifying(flushAutomatically = true)
	@Query("update Stock s set s.available = s.available - :quantity, s.reserved = s.reserved + :quantity"
			+ " where s.sku = :sku and s.available >= :quantity")
	int reserve(@Param("sku") String sku, @Param("quantity") int quantity);

	@Modifying(flushAutomatically = true)
	@Query("update Stock s set s.reserved = s.reserved - :quantity, s.sold = s.sold + :quantity"
			+ " where s.sku = :sku and s.reserved >= :quantity")
	int commit(@Param("sku") String sku, @Param("quantity") int quantity);

	@Modifying(flushAutomatically = true)
	@Query("update Stock s set s.reserved = s.reserved - :quantity, s.available = s.available + :quantity"
			+ " where s.sku = :sku and s.reserved >= :quantity")
	int release(@Param("sku") String sku, @Param("quantity") int quantity);

	/**
	 * Sets the available units and nothing else, so units reserved or sold meanwhile by
	 * other transactions stay as they are.
	 */
	@Modifying(flushAutomatically = true)
	@Query("update Stock s set s.available = :available where s.sku = :sku")
	int setAvailable(@Param("sku") String sku, @Param("available") int available);

}
