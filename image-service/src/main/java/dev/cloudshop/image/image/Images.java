package dev.cloudshop.image.image;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * The stored images' metadata.
 */
interface Images extends Repository<Image, UUID> {

	Optional<Image> findById(UUID id);

	List<Image> findByOwnerOrderByCreatedAtDesc(String owner);

	Image save(Image image);

	void delete(Image image);

}
